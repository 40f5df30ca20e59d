// The one place Seen reads a private field of botbuilder's BotState: the turn-state key of its per-turn cache.
import type { BotState, TurnContext } from 'botbuilder';

/** BotState's per-turn cache entry: the state and the hash of it as last loaded or saved. */
export interface BotStateCache { state: Record<string, unknown>; hash: string }

/** The SDK no longer has the private field this relies on: start-up stops, rather than saving state wrongly. */
export class BotStateInternalsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotStateInternalsError';
  }
}

/**
 * A reader of `state`'s per-turn cache. Why reach for it: its hash of the loaded state is what "changed?" is judged
 * against, so it is not computed twice. botbuilder 4.23.3 keeps the key in the private `stateKey` (a symbol); this
 * checks that once, at construction, and test/bot/optimistic-state.test.ts checks the entry's shape after a load.
 */
export function botStateCache(state: BotState): (context: TurnContext) => BotStateCache | undefined {
  const key = botStateCacheKey(state);
  return (context) => context.turnState.get(key) as BotStateCache | undefined;
}

/** The turn-state key of `state`'s per-turn cache (checked as above), for a subclass that fills the cache itself. */
export function botStateCacheKey(state: BotState): symbol {
  const key = (state as unknown as { stateKey?: unknown }).stateKey;
  if (typeof key !== 'symbol') throw new BotStateInternalsError('BotState has no private stateKey symbol: botbuilder changed; see bot/bot-state-cache.ts');
  return key;
}
