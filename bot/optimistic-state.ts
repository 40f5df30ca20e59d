// Conversation state that keeps the eTag it read, so a turn's save is refused when another turn (on any instance) saved first.
import { calculateChangeHash, ConversationState, type Storage, type TurnContext } from 'botbuilder';
import { botStateCache, type BotStateCache } from './bot-state-cache';

/** The eTag a save carries when nothing was stored at load: insert only if still absent (Seen's storage never issues "0"). */
export const NOT_STORED = '0';
const READ_ETAG = Symbol('seen.conversationStateETag');

/**
 * BotBuilder's BotState saves with eTag "*" (last writer wins), so two instances taking turns of one conversation at
 * the same moment would silently write one turn over the other. This keeps the eTag from load and saves with it:
 * the storage refuses a stale one (StateConflictError), and the later turn fails whole instead of overwriting.
 */
export class OptimisticConversationState extends ConversationState {
  /** BotState's cache entry for this turn (bot/bot-state-cache.ts holds the one private-field read). */
  private readonly cached: (context: TurnContext) => BotStateCache | undefined;

  constructor(storage: Storage) {
    if (!storage) throw new TypeError('OptimisticConversationState needs a Storage');
    super(storage);
    this.cached = botStateCache(this);
  }

  // Loads as BotState does, remembering the eTag read (once per turn, or again when forced).
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const first = force || !this.cached(context);
    const state = (await super.load(context, force)) as Record<string, unknown>;
    if (first) context.turnState.set(READ_ETAG, typeof state['eTag'] === 'string' ? state['eTag'] : NOT_STORED);
    return state;
  }

  // Saves when changed (or forced) with the eTag read; a second save in the same turn first asks the storage for its eTag.
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = this.cached(context);
    if (!cached?.state) return super.saveChanges(context, force); // never loaded this turn: nothing was read to conflict with
    const hash = calculateChangeHash(cached.state);
    if (!force && hash === cached.hash) return;
    const key = await this.storageKey(context);
    const read = context.turnState.get(READ_ETAG) as string | undefined;
    const eTag = read ?? (((await this.storage.read([key]))[key]?.['eTag'] as string | undefined) ?? NOT_STORED);
    await this.storage.write({ [key]: { ...cached.state, eTag } });
    cached.hash = hash;
    // The stored eTag has moved on and the Storage interface does not say to what: a later save this turn asks first.
    context.turnState.set(READ_ETAG, undefined);
  }
}
