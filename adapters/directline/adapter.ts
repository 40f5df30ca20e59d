// A BotAdapter whose turns come from Seen's Direct Line endpoint and whose replies are stored in the database (SQLite or PostgreSQL).
import { ActivityTypes, BotAdapter, TurnContext } from 'botbuilder';
import type { Activity, ChannelAccount, ConversationReference, ResourceResponse } from 'botbuilder';
import type { Logger } from 'pino';
import { DirectLineUnsupportedError } from './errors';
import type { DirectLineStore } from '../sql/directline-store';

/** The bot's logic, as ActivityHandler.run or a dialog runner provides it. */
export type BotLogic = (context: TurnContext) => Promise<void>;

/** What the adapter needs: the store, who the bot is, and where activities claim to come from. */
export interface DirectLineAdapterOptions {
  store: DirectLineStore;
  logger: Logger;
  bot: ChannelAccount;
  serviceUrl: string;
  now: () => Date;
  /** Wraps each turn so its replies and state commit together (see adapters/sql/turn-unit.ts); default runs it as is. */
  turnUnit?: <T>(turn: () => Promise<T>) => Promise<T>;
}

/** Runs turns with a real TurnContext (channelId `directline`); one turn at a time per conversation. */
export class DirectLineAdapter extends BotAdapter {
  /** The channel id every activity carries. */
  static readonly channelId = 'directline';
  private readonly store: DirectLineStore;
  private readonly logger: Logger;
  private readonly bot: ChannelAccount;
  private readonly serviceUrl: string;
  private readonly now: () => Date;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly turnUnit: <T>(turn: () => Promise<T>) => Promise<T>;

  constructor(options: DirectLineAdapterOptions) {
    super();
    for (const key of ['store', 'logger', 'bot', 'serviceUrl', 'now'] as const) {
      if (!options?.[key]) throw new Error(`DirectLineAdapter needs ${key}`);
    }
    this.store = options.store;
    this.logger = options.logger;
    this.bot = options.bot;
    this.serviceUrl = options.serviceUrl;
    this.now = options.now;
    this.turnUnit = options.turnUnit ?? ((turn) => turn());
  }

  /** The bot account replies are sent from. */
  get botAccount(): ChannelAccount {
    return { ...this.bot };
  }

  /** Fills the channel fields a Direct Line activity from the user carries before it reaches the bot. */
  inbound(conversationId: string, from: ChannelAccount, activity: Partial<Activity>): Partial<Activity> {
    return {
      ...activity,
      channelId: DirectLineAdapter.channelId,
      serviceUrl: this.serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from,
      recipient: this.botAccount,
      timestamp: this.now(),
    };
  }

  /** Runs the bot for an already-stored activity; turns in one conversation never overlap. */
  processActivity(activity: Partial<Activity>, logic: BotLogic): Promise<void> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) return Promise.reject(new Error('activity has no conversation id'));
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.turnUnit(() => this.runMiddleware(new TurnContext(this, activity), logic)));
    const tail = turn.catch(() => undefined);
    this.queues.set(conversationId, tail);
    void tail.then(() => {
      if (this.queues.get(conversationId) === tail) this.queues.delete(conversationId);
    });
    return turn;
  }

  /** Appends the bot's replies to the conversation (a `delay` activity just waits). */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const stored = await this.store.append(conversationId, {
        ...activity,
        channelId: DirectLineAdapter.channelId,
        serviceUrl: this.serviceUrl,
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        from: this.botAccount,
        recipient: activity.recipient ?? context.activity.from,
        timestamp: this.now(),
      });
      this.logger.debug({ conversationId, activityId: stored.id, type: stored.type }, 'directline bot activity stored');
      responses.push({ id: stored.id });
    }
    return responses;
  }

  /** Sent activities are an append-only transcript here. */
  override async updateActivity(): Promise<void> {
    throw new DirectLineUnsupportedError('updateActivity');
  }

  /** Sent activities are an append-only transcript here. */
  override async deleteActivity(): Promise<void> {
    throw new DirectLineUnsupportedError('deleteActivity');
  }

  /** Proactive messages: runs logic with a context for a stored conversation reference (not queued, so it may be called mid-turn). */
  override async continueConversation(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      { ...reference, channelId: DirectLineAdapter.channelId, serviceUrl: this.serviceUrl },
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
