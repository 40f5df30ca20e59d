import assert from 'node:assert/strict';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { SqlStorage } from '../../adapters/sql/bot-storage';
import { DirectLineStore } from '../../adapters/sql/directline-store';
import { inTurnUnit } from '../../adapters/sql/turn-unit';
import { fixedClock } from '../helpers/records';

// A turn's replies and its state are one commit: both are there, or neither is.
describe('adapters: one transaction per Direct Line turn', () => {
  let db: Db;
  let storage: SqlStorage;
  let store: DirectLineStore;
  beforeEach(async () => {
    db = await openTestDb();
    storage = new SqlStorage(db, fixedClock);
    store = new DirectLineStore(db, fixedClock);
    await store.createConversation('conv-0001', { id: 'alex' });
  });
  afterEach(() => db.close());
  const count = async () => (await store.listAfter('conv-0001', -1)).activities.length;
  const state = async () => (await storage.read(['k']))['k'];

  it('stages replies and state during the turn and commits both after it', async () => {
    let woken = 0;
    store.events.on('appended', () => woken++);
    await inTurnUnit(db, async () => {
      await store.append('conv-0001', { type: 'message', text: 'next question' });
      await storage.write({ k: { step: 2 } });
      assert.equal(await count(), 0, 'nothing visible before the commit');
      assert.equal(woken, 0, 'stream listeners wait for the commit');
    });
    assert.equal(await count(), 1);
    assert.equal((await state())?.step, 2);
    assert.equal(woken, 1);
  });

  it('writes nothing when the turn fails, and nothing when the state write conflicts', async () => {
    await assert.rejects(inTurnUnit(db, async () => {
      await store.append('conv-0001', { type: 'message', text: 'half a turn' });
      throw new Error('killed');
    }), /killed/);
    await storage.write({ k: { step: 1 } });
    const stale = (await state())!.eTag;
    await storage.write({ k: { step: 1, eTag: stale } });
    await assert.rejects(inTurnUnit(db, async () => {
      await store.append('conv-0001', { type: 'message', text: 'reply' });
      await storage.write({ k: { step: 9, eTag: stale } });
    }), /changed by another turn/);
    assert.equal(await count(), 0);
    assert.equal((await state())?.step, 1);
  });
});
