// DirectLineStore.append in one statement: consecutive seqs under concurrency, ids in the stored JSON, 404 when unknown.
import assert from 'node:assert/strict';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { DirectLineError, DirectLineStore, activityId } from '../../adapters/directline';
import { fixedClock } from '../helpers/records';

describe('adapters: Direct Line store appends', () => {
  let db: Db;
  let store: DirectLineStore;
  beforeEach(async () => {
    db = await openTestDb();
    store = new DirectLineStore(db, fixedClock);
    await store.createConversation('conv-aaaaaaaa', { id: 'u1' });
    await store.createConversation('conv-bbbbbbbb', { id: 'u2' });
  });
  afterEach(() => db.close());

  it('gives each conversation its own consecutive seqs, even when appends race, and stores the id in the JSON', async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const appended = await Promise.all(texts.map((text, i) => store.append(i % 3 ? 'conv-aaaaaaaa' : 'conv-bbbbbbbb', { type: 'message', text, id: 'ignored' })));
    for (const conv of ['conv-aaaaaaaa', 'conv-bbbbbbbb']) {
      const { activities, watermark } = await store.listAfter(conv, -1);
      const expectedIds = activities.map((_, seq) => activityId(conv, seq));
      assert.deepEqual(activities.map((a) => a.id), expectedIds, `${conv}: ids 0..n-1 in order`);
      assert.equal(watermark, String(activities.length - 1));
      for (const a of activities) assert.equal(appended.find((x) => x.text === a.text)?.id, a.id, 'append returned what was stored');
    }
    assert.equal((await store.listAfter('conv-aaaaaaaa', -1)).activities.length, 8);
  });

  it('refuses a conversation that was never started with a 404', async () => {
    await assert.rejects(store.append('conv-missing0', { type: 'message' }), (err: unknown) => err instanceof DirectLineError && err.status === 404);
    assert.deepEqual((await store.listAfter('conv-missing0', -1)).activities, []);
  });

  it('reads a started conversation from the database once, and asks again each time for one not (yet) started', async () => {
    let reads = 0;
    const counting: Db = Object.create(db, { get: { value: (sql: string, params?: []) => (reads++, db.get(sql, params)) } }) as Db;
    const fresh = new DirectLineStore(counting, fixedClock);
    for (let i = 0; i < 3; i++) assert.equal((await fresh.getConversation('conv-aaaaaaaa'))?.userId, 'u1');
    assert.equal(reads, 1, 'one query for three reads');
    for (let i = 0; i < 2; i++) assert.equal(await fresh.getConversation('conv-cccccccc'), undefined);
    assert.equal(reads, 3, 'an unknown conversation is asked for every time');
    await store.createConversation('conv-cccccccc', { id: 'u3' });
    assert.equal((await fresh.getConversation('conv-cccccccc'))?.userId, 'u3', 'started by another instance: found');
  });
});
