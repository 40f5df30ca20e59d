// A channel with a reply deadline (views/channels.ts): answer within a budget, or acknowledge now and send the slow result as a follow-up.
import { CloudAdapterBase, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';

/** Slow work that failed after its turn had already ended; the message keeps the cause. */
export class FollowUpError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'FollowUpError';
  }
}

/** Sends a message into the conversation after its turn ended: CloudAdapter needs the turn's identity; other adapters the reference. */
export async function sendLater(adapter: TurnContext['adapter'], identity: ClaimsIdentity | undefined, reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
  const logic = async (ctx: TurnContext) => void (await ctx.sendActivity(activity));
  if (adapter instanceof CloudAdapterBase && identity) await adapter.continueConversationAsync(identity, reference, logic);
  else await adapter.continueConversation(reference, logic);
}

/** What `replyWithin` needs: a budget (Infinity = no limit), the slow work, what to say if it is late, and what to say (and log) if it fails later. */
export interface ReplyWithin {
  budgetMs: number;
  work: () => Promise<Partial<Activity>>;
  ack: Partial<Activity> | string;
  failed: Partial<Activity> | string;
  onLateError: (err: FollowUpError) => void;
}

/**
 * Sends the work's message in this turn when it is ready within the budget; otherwise sends the acknowledgement now and
 * the message as a proactive follow-up when ready. Returns whether the result went out in this turn.
 */
export async function replyWithin(ctx: TurnContext, opts: ReplyWithin): Promise<boolean> {
  const pending = opts.work();
  // Why: without a budget (channels with no turn limit) just wait; setTimeout cannot take more than 2^31-1 ms anyway.
  if (!Number.isFinite(opts.budgetMs) || opts.budgetMs > 2 ** 31 - 1) {
    await ctx.sendActivity(await pending);
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = Symbol('late');
  const first = await Promise.race([pending, new Promise<typeof late>((resolve) => (timer = setTimeout(() => resolve(late), opts.budgetMs)))]).finally(() => clearTimeout(timer));
  if (first !== late) {
    await ctx.sendActivity(first);
    return true;
  }
  // Why: the turn context is revoked when the turn ends, so keep what a proactive message needs now.
  const reference = TurnContext.getConversationReference(ctx.activity);
  const identity = ctx.turnState.get<ClaimsIdentity | undefined>(ctx.adapter instanceof CloudAdapterBase ? ctx.adapter.BotIdentityKey : Symbol('none'));
  const adapter = ctx.adapter;
  await ctx.sendActivity(opts.ack);
  void pending
    .then((message) => sendLater(adapter, identity, reference, message))
    .catch(async (cause: unknown) => {
      opts.onLateError(new FollowUpError('a follow-up message could not be prepared or sent', { cause }));
      await sendLater(adapter, identity, reference, typeof opts.failed === 'string' ? { type: 'message', text: opts.failed } : opts.failed).catch((err: unknown) =>
        opts.onLateError(new FollowUpError('the failure notice could not be sent', { cause: err })));
    });
  return false;
}
