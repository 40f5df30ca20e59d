// Conversation state saved with the eTag it was read at: a turn that lost the race is refused, never written over the winner.
import assert from 'node:assert/strict';
import { calculateChangeHash, ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { botStateCache, BotStateInternalsError } from '../../bot/bot-state-cache';
import type { Db } from '../../adapters/sql/database';
import { SqlStorage, StateConflictError } from '../../adapters/sql/bot-storage';
import { OptimisticConversationState } from '../../bot/optimistic-state';
import { openTestDb } from '../helpers/database';
import { fixedClock } from '../helpers/records';

// A turn context for one conversation (the same id gives the same storage key).
const turn = (conversation = 'conv-1'): TurnContext =>
  new TurnContext(new TestAdapter(), { type: 'message', channelId: 'emulator', conversation: { id: conversation }, from: { id: 'alex' }, recipient: { id: 'seen' } } as Partial<Activity>);

describe('bot: optimistic conversation state', () => {
  let db: Db;
  let state: OptimisticConversationState;
  const step = (ctx: TurnContext) => state.createProperty<number>('step').get(ctx, 0);
  const setStep = (ctx: TurnContext, n: number) => state.createProperty<number>('step').set(ctx, n);
  beforeEach(async () => {
    db = await openTestDb();
    state = new OptimisticConversationState(new SqlStorage(db, fixedClock));
  });
  afterEach(() => db.close());

  // [what, state stored before (or none), the two turns' new steps (undefined: no change), the outcome of the second save]
  const rows: Array<[string, number | undefined, [number | undefined, number | undefined], 'refused' | 'saved', number]> = [
    ['two turns read the same stored state and both change it: the second save is refused', 1, [2, 3], 'refused', 2],
    ['two turns both start a new conversation: the second save is refused', undefined, [2, 3], 'refused', 2],
    ['the second turn changed nothing: it writes nothing and the first turn stands', 1, [2, undefined], 'saved', 2],
  ];
  for (const [what, stored, [first, second], outcome, final] of rows) {
    it(what, async () => {
      if (stored !== undefined) {
        const seed = turn();
        await step(seed);
        await setStep(seed, stored);
        await state.saveChanges(seed);
      }
      const [a, b] = [turn(), turn()];
      await step(a);
      await step(b);
      if (first !== undefined) await setStep(a, first);
      if (second !== undefined) await setStep(b, second);
      await state.saveChanges(a);
      if (outcome === 'refused') await assert.rejects(state.saveChanges(b), StateConflictError);
      else await state.saveChanges(b);
      const check = turn();
      assert.equal(await step(check), final);
    });
  }

  it('saves twice in one turn without refusing itself', async () => {
    const ctx = turn();
    await step(ctx);
    await setStep(ctx, 5);
    await state.saveChanges(ctx);
    await setStep(ctx, 6);
    await state.saveChanges(ctx);
    assert.equal(await step(turn()), 6);
  });

  it('refuses to be built without a storage', () => assert.throws(() => new OptimisticConversationState(undefined as never), TypeError));
});

// The one private-field read (BotState's cache key), pinned: if botbuilder moves it, this fails and start-up refuses.
describe('bot: BotState cache reader', () => {
  it('reads the state and hash BotState cached for the turn, as the SDK computed them', async () => {
    const state = new ConversationState(new MemoryStorage());
    const cache = botStateCache(state);
    const ctx = turn('conv-cache');
    assert.equal(cache(ctx), undefined);
    await state.createProperty<number>('step').set(ctx, 4);
    const entry = cache(ctx);
    assert.equal((entry?.state as { step?: number }).step, 4);
    assert.equal(typeof entry?.hash, 'string');
    await state.saveChanges(ctx);
    assert.equal(cache(ctx)?.hash, calculateChangeHash(cache(ctx)!.state));
  });

  it('refuses a BotState without the private key, at construction', () => {
    const changed = Object.assign(Object.create(ConversationState.prototype) as ConversationState, { stateKey: 'renamed' });
    assert.throws(() => botStateCache(changed), BotStateInternalsError);
  });
});
