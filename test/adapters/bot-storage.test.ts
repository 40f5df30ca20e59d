// SqlStorage: the one-statement fast path for a single item keeps the eTag rules of the transactional path.
import assert from 'node:assert/strict';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { attachedJson, attachJson, READ_JSON, SqlStorage, StateConflictError, WRITE_JSON } from '../../adapters/sql/bot-storage';
import { fixedClock } from '../helpers/records';

type Write = Record<string, { eTag?: string; n: number }>;

describe('adapters: SQLite bot state storage', () => {
  let db: Db;
  let storage: SqlStorage;
  beforeEach(async () => {
    db = await openTestDb();
    storage = new SqlStorage(db, fixedClock);
  });
  afterEach(() => db.close());

  // [what, writes in order, expected stored { key: [etag, n] }, or the error the last write throws]
  const table: Array<[string, Write[], Record<string, [string, number]> | typeof StateConflictError]> = [
    ['a new item without an eTag is inserted at eTag 1', [{ a: { n: 1 } }], { a: ['1', 1] }],
    ['"*" overwrites whatever is stored', [{ a: { n: 1 } }, { a: { eTag: '*', n: 2 } }], { a: ['2', 2] }],
    ['the eTag read is accepted once', [{ a: { n: 1 } }, { a: { eTag: '1', n: 2 } }], { a: ['2', 2] }],
    ['a stale eTag is a conflict (single item)', [{ a: { n: 1 } }, { a: { eTag: '1', n: 2 } }, { a: { eTag: '1', n: 3 } }], StateConflictError],
    ['an eTag for an item never stored inserts it', [{ a: { eTag: '7', n: 1 } }], { a: ['1', 1] }],
    ['a batch is written together', [{ a: { n: 1 }, b: { n: 2 } }], { a: ['1', 1], b: ['1', 2] }],
    ['a stale eTag in a batch writes nothing of it', [{ a: { n: 1 } }, { a: { eTag: '9', n: 5 }, b: { n: 2 } }], StateConflictError],
  ];

  for (const [what, writes, expected] of table) {
    it(what, async () => {
      const last = writes.length - 1;
      for (const [i, w] of writes.entries()) {
        if (i === last && expected === StateConflictError) {
          await assert.rejects(storage.write(w), StateConflictError);
          const stored = await storage.read(Object.keys(w));
          for (const key of Object.keys(w)) if (key !== 'a') assert.equal(stored[key], undefined, `${key} rolled back`);
          return;
        }
        await storage.write(w);
      }
      const keys = Object.keys(expected);
      const stored = await storage.read(keys);
      assert.deepEqual(Object.fromEntries(keys.map((k) => [k, [stored[k]?.eTag, stored[k]?.n]])), expected);
    });
  }

  // The JSON a state was read as, and the JSON a writer made, save serialising twice; neither may stand in for a change.
  it('keeps the JSON read on the item; an item read, changed and written back is stored as changed, not as read', async () => {
    await storage.write({ a: { n: 1 } });
    const read = (await storage.read(['a']))['a']!;
    assert.equal(attachedJson(read, READ_JSON), '{"n":1}');
    assert.equal(JSON.stringify(read), '{"n":1,"eTag":"1"}', 'the JSON read is not serialised with the item');
    read['n'] = 2;
    await storage.write({ a: read });
    assert.equal((await storage.read(['a']))['a']?.['n'], 2);
  });

  it("writes the writer's JSON when it attaches one, and serialises the item itself when it does not", async () => {
    await storage.write({ a: attachJson({ n: 1 }, WRITE_JSON, '{"n":5}') });
    assert.equal((await storage.read(['a']))['a']?.['n'], 5, 'the attached JSON is what is stored');
    await storage.write({ a: { eTag: '1', n: 6 } });
    assert.equal((await storage.read(['a']))['a']?.['n'], 6);
  });
});
