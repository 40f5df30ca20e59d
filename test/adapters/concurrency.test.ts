// Two handles on one database, as two Seen instances have: no turn overwrites another's, no version or activity is lost.
// Runs on whichever backend the suite runs on (two SQLite connections to one file; two PostgreSQL pools on one schema).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../adapters/sql/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlStorage, StateConflictError } from '../../adapters/sql/bot-storage';
import { DirectLineStore } from '../../adapters/sql/directline-store';
import { PgDb } from '../../adapters/postgres/db';
import { seedDemo } from '../../records/demo-seed';
import { demoDraft, fixedClock } from '../helpers/records';
import { onPostgres, openTestDb, TEST_DATABASE_URL } from '../helpers/database';
import { MIGRATIONS } from '../../adapters/postgres/schema';
import { loadConfig } from '../../bot/config';
import { composeSeen } from '../../bot/compose';
import { createLogger } from '../../bot/logger';
import { DEMO_CASES } from '../../records/demo-data';
import { testDbEnv } from '../helpers/database';

describe('concurrency: two instances on one database', function () {
  this.timeout(30_000);
  let dir: string;
  let file: string;
  let a: Db;
  let b: Db;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-two-'));
    file = join(dir, 'seen.db');
    a = await openTestDb(file);
    b = await openTestDb(file);
    await seedDemo(new SqlCaseRecords(a, fixedClock));
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the second of two turns that read the same state: one write wins, the other is a conflict', async () => {
    const [sa, sb] = [new SqlStorage(a, fixedClock), new SqlStorage(b, fixedClock)];
    await sa.write({ conv: { step: 0 } });
    const [ra, rb] = [await sa.read(['conv']), await sb.read(['conv'])];
    const results = await Promise.allSettled([
      sa.write({ conv: { ...ra['conv'], step: 'from a' } }),
      sb.write({ conv: { ...rb['conv'], step: 'from b' } }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(refused.reason instanceof StateConflictError, String(refused.reason));
    const stored = (await sa.read(['conv']))['conv'] as { step: string; eTag: string };
    assert.equal(stored.eTag, '2');
    assert.equal(stored.step, results[0]!.status === 'fulfilled' ? 'from a' : 'from b');
  });

  it('numbers ten simultaneous corrections 2 to 11 from both instances, each naming the version before it', async () => {
    const [ra, rb] = [new SqlCaseRecords(a, fixedClock), new SqlCaseRecords(b, fixedClock)];
    const v1 = await ra.saveSummary(demoDraft(), 'alex');
    const saved = await Promise.all(Array.from({ length: 10 }, (_x, i) =>
      (i % 2 ? rb : ra).correctSummary(v1.summaryId, demoDraft({ actions: [`correction ${i}`] }), 'alex')));
    assert.deepEqual(saved.map((s) => s.version).sort((x, y) => x - y), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const versions = await rb.summaryVersions(v1.summaryId);
    assert.deepEqual(versions.map((v) => [v.version, v.corrects]), versions.map((_v, i) => [i + 1, i === 0 ? null : i]));
    assert.deepEqual(versions.slice(1).map((v) => v.actions[0]).sort(), Array.from({ length: 10 }, (_x, i) => `correction ${i}`).sort());
  });

  it('saves one summary when the same confirm reaches both instances at once', async () => {
    const [ra, rb] = [new SqlCaseRecords(a, fixedClock), new SqlCaseRecords(b, fixedClock)];
    const [x, y] = await Promise.all([ra.saveSummary(demoDraft(), 'alex', { summaryId: 'same-confirm' }), rb.saveSummary(demoDraft(), 'alex', { summaryId: 'same-confirm' })]);
    assert.deepEqual([x.version, y.version], [1, 1]);
    assert.equal((await ra.summaryVersions('same-confirm')).length, 1);
    assert.equal((await ra.latestSummaries('DEMO-1')).filter((s) => s.summaryId === 'same-confirm').length, 1);
  });

  it('gives forty activities appended to one conversation from both instances forty different, gapless seqs', async () => {
    const [da, db] = [new DirectLineStore(a, fixedClock), new DirectLineStore(b, fixedClock)];
    await da.createConversation('conv-shared-1', { id: 'alex' });
    const stored = await Promise.all(Array.from({ length: 40 }, (_x, i) => (i % 2 ? db : da).append('conv-shared-1', { type: 'message', text: `m${i}` })));
    const seqs = stored.map((s) => Number(s.id.split('|')[1])).sort((x, y) => x - y);
    assert.deepEqual(seqs, Array.from({ length: 40 }, (_x, i) => i));
    const listed = await db.listAfter('conv-shared-1', -1);
    assert.equal(listed.activities.length, 40);
    assert.deepEqual(listed.activities.map((x) => x.id), listed.activities.map((_x, i) => `conv-shared-1|${String(i).padStart(7, '0')}`));
  });

  it('wakes the other instance when an activity is appended, and only for this schema (PostgreSQL run only)', async function () {
    if (!onPostgres) this.skip(); // SQLite is one process per file: its listeners are told in-process
    const [da, db] = [new DirectLineStore(a, fixedClock), new DirectLineStore(b, fixedClock)];
    const stop = await db.listenToOtherInstances();
    const other = await openTestDb(); // another schema on the same server
    try {
      const heard: string[] = [];
      db.events.on('appended', (id: string) => heard.push(id));
      const otherStore = new DirectLineStore(other, fixedClock);
      await otherStore.createConversation('conv-elsewhere', { id: 'alex' });
      await otherStore.append('conv-elsewhere', { type: 'message', text: 'not for b' });
      await da.createConversation('conv-notify-1', { id: 'alex' });
      await da.append('conv-notify-1', { type: 'message', text: 'hello' });
      const deadline = Date.now() + 5000;
      while (!heard.includes('conv-notify-1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(heard, ['conv-notify-1']);
    } finally {
      await stop();
      await other.close();
    }
  });

  it('lets two instances migrate one new schema at the same time (PostgreSQL run only)', async function () {
    if (!onPostgres) this.skip(); // a SQLite file is opened by one process
    const schema = `t_race_${process.pid}_${Date.now() % 100000}`;
    const url = TEST_DATABASE_URL!;
    const [x, y] = await Promise.all([PgDb.open({ url, schema }), PgDb.open({ url, schema })]);
    try {
      assert.deepEqual([await x.schemaVersion(), await y.schemaVersion()], [MIGRATIONS.length, MIGRATIONS.length]);
      assert.equal((await x.get<{ n: number }>('SELECT count(*) AS n FROM seen_schema_migrations'))?.n, MIGRATIONS.length, 'each migration applied once');
    } finally {
      await x.run(`DROP SCHEMA ${schema} CASCADE`);
      await x.close();
      await y.close();
    }
  });

  it('seeds the demo once when two instances start together on an empty database (PostgreSQL run only)', async function () {
    if (!onPostgres) this.skip(); // a SQLite file is opened by one process
    await (await openTestDb(join(dir, 'empty.db'))).close(); // migrated and empty, so both instances reach seeding at once
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'empty.db')), SEEN_LOG_LEVEL: 'silent' });
    const both = await Promise.all([composeSeen(config, createLogger('silent'), { now: fixedClock }), composeSeen(config, createLogger('silent'), { now: fixedClock })]);
    try {
      assert.equal(await both[0].records.countCases(), DEMO_CASES.length);
      assert.equal((await both[1].db.get<{ n: number }>('SELECT count(*) AS n FROM summaries'))?.n, (await both[0].db.get<{ n: number }>('SELECT count(*) AS n FROM summaries'))?.n);
      assert.equal((await both[0].db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE operation = 'case.insert' AND outcome = 'ok'"))?.n, DEMO_CASES.length, 'each demo case created once');
      assert.equal((await both[0].db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE outcome NOT IN ('ok', 'attempted')"))?.n, 0, 'no write failed');
    } finally {
      for (const seen of both) await seen.close();
    }
  });
});
