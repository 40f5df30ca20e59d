// Conversation state that keeps the eTag it read, so a turn's save is refused when another turn (on any instance) saved first.
import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import { attachedJson, attachJson, READ_JSON, WRITE_JSON } from '../adapters/sql/bot-storage';
import { botStateCache, botStateCacheKey, type BotStateCache } from './bot-state-cache';

/** The eTag a save carries when nothing was stored at load: insert only if still absent (Seen's storage never issues "0"). */
export const NOT_STORED = '0';
const READ_ETAG = Symbol('seen.conversationStateETag');

/** The state's JSON as the storage writes it (without its eTag). */
export function stateJson(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * BotBuilder's BotState saves with eTag "*" (last writer wins), so two instances taking turns of one conversation at
 * the same moment would silently write one turn over the other. This keeps the eTag from load and saves with it:
 * the storage refuses a stale one (StateConflictError), and the later turn fails whole instead of overwriting.
 *
 * "Changed?" is judged by the state's JSON itself rather than BotState's hash. Why: the hash stringified the state with
 * a replacer and hashed it at load and again at save, and the storage then stringified it a third time; now the JSON
 * read is kept as it came from the database (adapters/sql/bot-storage.ts READ_JSON), the state is stringified once at
 * save, and that one string is both compared and written (WRITE_JSON). Equal JSON means equal stored bytes, so no
 * change is ever missed; a different but equivalent JSON only costs a write.
 */
export class OptimisticConversationState extends ConversationState {
  /** BotState's cache entry for this turn (bot/bot-state-cache.ts holds the one private-field read). */
  private readonly cached: (context: TurnContext) => BotStateCache | undefined;
  private readonly cacheKey: symbol;

  constructor(storage: Storage) {
    if (!storage) throw new TypeError('OptimisticConversationState needs a Storage');
    super(storage);
    this.cached = botStateCache(this);
    this.cacheKey = botStateCacheKey(this);
  }

  // Loads as BotState does (once per turn, or again when forced), with the JSON read as the change hash, remembering the eTag read.
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = this.cached(context);
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] ?? {}) as Record<string, unknown>;
    const entry: BotStateCache = { state, hash: attachedJson(state, READ_JSON) ?? stateJson(state) };
    context.turnState.set(this.cacheKey, entry);
    context.turnState.set(READ_ETAG, typeof state['eTag'] === 'string' ? state['eTag'] : NOT_STORED);
    return state;
  }

  // Saves when changed (or forced) with the eTag read; a second save in the same turn first asks the storage for its eTag.
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = this.cached(context);
    if (!cached?.state) return super.saveChanges(context, force); // never loaded this turn: nothing was read to conflict with
    const json = stateJson(cached.state);
    if (!force && json === cached.hash) return;
    const key = await this.storageKey(context);
    const read = context.turnState.get(READ_ETAG) as string | undefined;
    const eTag = read ?? (((await this.storage.read([key]))[key]?.['eTag'] as string | undefined) ?? NOT_STORED);
    await this.storage.write({ [key]: attachJson({ ...cached.state, eTag }, WRITE_JSON, json) });
    cached.hash = json;
    // The stored eTag has moved on and the Storage interface does not say to what: a later save this turn asks first.
    context.turnState.set(READ_ETAG, undefined);
  }
}
