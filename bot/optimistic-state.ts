// Conversation state that keeps the eTag it read, so a turn's save is refused when another turn (on any instance) saved first.
import { calculateChangeHash, ConversationState, type Storage, type TurnContext } from 'botbuilder';

/** What this turn read: the stored eTag (or NOT_STORED), and the state's hash to tell whether the turn changed it. */
interface Read { eTag: string | undefined; hash: string }

/** The eTag a save carries when nothing was stored at load: insert only if still absent (Seen's storage never issues "0"). */
export const NOT_STORED = '0';
const READ = Symbol('seen.conversationStateRead');

/**
 * BotBuilder's BotState saves with eTag "*" (last writer wins), so two instances taking turns of one conversation at
 * the same moment would silently write one turn over the other. This keeps the eTag from load and saves with it:
 * the storage refuses a stale one (StateConflictError), and the later turn fails whole instead of overwriting.
 */
export class OptimisticConversationState extends ConversationState {
  constructor(storage: Storage) {
    if (!storage) throw new TypeError('OptimisticConversationState needs a Storage');
    super(storage);
  }

  // Loads as BotState does, remembering the eTag and hash of what was read (once per turn, or again when forced).
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const first = force || !context.turnState.get(READ);
    const state = (await super.load(context, force)) as Record<string, unknown>;
    if (first) context.turnState.set(READ, { eTag: typeof state['eTag'] === 'string' ? state['eTag'] : NOT_STORED, hash: calculateChangeHash(state) } satisfies Read);
    return state;
  }

  // Saves when changed (or forced) with the eTag read; a second save in the same turn first asks the storage for its eTag.
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const read = context.turnState.get(READ) as Read | undefined;
    const state = this.get(context) as Record<string, unknown> | undefined;
    if (!read || !state) return super.saveChanges(context, force); // never loaded this turn: nothing was read to conflict with
    if (!force && calculateChangeHash(state) === read.hash) return;
    const key = await this.storageKey(context);
    const eTag = read.eTag ?? (((await this.storage.read([key]))[key]?.['eTag'] as string | undefined) ?? NOT_STORED);
    await this.storage.write({ [key]: { ...state, eTag } });
    // The stored eTag has moved on and the Storage interface does not say to what: a later save this turn asks first.
    context.turnState.set(READ, { eTag: undefined, hash: calculateChangeHash(state) } satisfies Read);
  }
}
