// `seen copy-database`: a SQLite database with every kind of row copied into the suite's backend (SQLite, or a fresh
// PostgreSQL schema), row for row; refusals that write nothing; and, on PostgreSQL, back again into SQLite.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../bin/cli';
import type { Db } from '../../adapters/sql/database';
import { SqliteDb } from '../../adapters/sqlite/db';
import { MIGRATIONS } from '../../adapters/sqlite/schema';
import { TABLES } from '../../adapters/sql/columns';
import { countRows } from '../../adapters/sql/copy';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { AuditedCaseRecords } from '../../adapters/sql/audited-case-records';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { SqlStorage } from '../../adapters/sql/bot-storage';
import { DirectLineStore, activityId } from '../../adapters/sql/directline-store';
import { loadOrCreateSecret } from '../../adapters/directline/tokens';
import { seedDemo } from '../../records/demo-seed';
import { DEMO_MEN, DEMO_USERS } from '../../records/demo-data';
import { emptyDomains } from '../../records/model';
import { dbArgs, onPostgres, openTestDb } from '../helpers/database';
import { demoDraft, fixedClock, TEST_NOW } from '../helpers/records';

const CONVERSATION = 'copy-conv-1';
const ACTIVITIES = 5;
/** A man added after the demo's, whose id sorts first: the target must still list him last. */
const LATE_MAN = { id: 'demo-2-aaron', caseRef: 'DEMO-2', name: 'Aaron (fictional)', role: 'mothers_partner', identified: true, resident: false } as const;
/** More audit rows than the copy reads per page, so paging and batching are crossed. */
const EXTRA_AUDIT_ROWS = 2500;

// Runs `seen <args>` in-process and collects what it printed.
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => Buffer.alloc(0) };
  return { code: await main(args, io), out, err };
}

// The `--to`/`--from` naming a test database on the suite's backend.
const on = (file: string): string => dbArgs(file)[1]!;

type Row = Record<string, unknown>;
// A table's rows as sorted JSON, without what the copy does not carry over verbatim (PostgreSQL's men.seq) or is told to drop.
async function tableRows(db: Db, table: string, drop: { columns?: string[]; row?: (r: Row) => boolean } = {}): Promise<string[]> {
  const rows = await db.all<Row>(`SELECT * FROM ${table}`);
  return rows
    .filter((r) => !drop.row?.(r))
    .map((r) => {
      const copy = { ...r };
      if (table === 'men') delete copy.seq;
      for (const c of drop.columns ?? []) delete copy[c];
      return JSON.stringify(Object.keys(copy).sort().map((k) => [k, copy[k]]));
    })
    .sort();
}

// What each table needs left out when two copies are compared: next_seq is the target's (checked on its own), and the copy's audit entry.
const COMPARE: Record<string, { columns?: string[]; row?: (r: Row) => boolean }> = {
  directline_conversations: { columns: ['next_seq'] },
  audit_log: { row: (r) => r.operation === 'database.copy' },
};

// A SQLite file with the demo data (seeded through the audited records, so the trail has entries), a corrected summary,
// a supervision discussion, Direct Line conversations, bot state, the token secret, and a long audit trail.
async function seedSource(file: string): Promise<void> {
  const db = await SqliteDb.open(file);
  try {
    const audit = new SqlAuditLog(db);
    const records = new AuditedCaseRecords(new SqlCaseRecords(db, fixedClock), audit, fixedClock, () => ({ actor: 'alex', path: 'chat' }));
    await seedDemo(records);
    await records.addMan(LATE_MAN);
    const first = await records.saveSummary(demoDraft(), 'alex');
    const covered = { ...emptyDomains(), life_history: { ...emptyDomains().life_history, status: 'covered' as const } };
    await records.correctSummary(first.summaryId, demoDraft({ domains: covered }), 'alex');
    await new SqlCoverage(db).recordDiscussion({ caseRef: 'DEMO-1', manId: 'demo-1-dan', discussedOn: '2026-11-20' }, 'sam', TEST_NOW.toISOString());
    const store = new DirectLineStore(db, fixedClock);
    await store.createConversation(CONVERSATION, { id: 'dl_user', name: 'Alex' });
    for (let i = 0; i < ACTIVITIES; i++) await store.append(CONVERSATION, { type: 'message', text: `turn ${i}` });
    await store.createConversation('copy-conv-empty', { id: 'dl_user' });
    await new SqlStorage(db, fixedClock).write({ 'copy/conversation/state': { step: 2 }, 'copy/user/state': { seen: true } });
    await loadOrCreateSecret(db);
    await db.transaction(async (tx) => {
      const log = new SqlAuditLog(tx);
      for (let i = 0; i < EXTRA_AUDIT_ROWS; i++) await log.append({ at: TEST_NOW.toISOString(), actor: 'alex', path: 'chat', operation: 'case.read', outcome: 'ok', caseRef: 'DEMO-1' });
    });
  } finally {
    await db.close();
  }
}

describe('seen copy-database', function () {
  this.timeout(60_000);
  let dir: string;
  let source: string;
  let target: string;
  let copied: { code: number; out: string; err: string };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-copy-'));
    source = join(dir, 'source.db');
    target = join(dir, 'target.db');
    await seedSource(source);
    copied = await cli(['copy-database', '--from', source, '--to', on(target)]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('copies every table row for row, prints counts only, and records the copy in the target trail', async () => {
    assert.equal(copied.code, 0, copied.err);
    for (const name of [...DEMO_MEN, ...DEMO_USERS, LATE_MAN].map((x) => x.name)) assert.ok(!copied.out.includes(name), 'no names in the output');
    const [src, dst] = [await SqliteDb.open(source, { asIs: true }), await openTestDb(target)];
    try {
      const counts = await countRows(src);
      for (const t of TABLES) {
        assert.match(copied.out, new RegExp(`^${t} +${counts[t]} +${counts[t]}\\b`, 'm'), `${t}: source and target counts printed`);
        assert.deepEqual(await tableRows(dst, t, COMPARE[t]), await tableRows(src, t, COMPARE[t]), `${t} rows equal`);
      }
      const menOrder = async (db: Db) => (await new SqlCaseRecords(db, fixedClock).listMen('DEMO-2')).map((m) => m.id);
      assert.deepEqual(await menOrder(dst), ['demo-2-kyle', 'demo-2-ryan', LATE_MAN.id], 'men listed in the order they were added');
      assert.deepEqual(await menOrder(dst), await menOrder(src));
      assert.ok(counts.audit_log > EXTRA_AUDIT_ROWS && counts.summary_versions > 0 && counts.supervision_discussions === 1 && counts.settings === 1);
      const entries = await dst.all<{ seq: number; actor: string; path: string }>("SELECT seq, actor, path FROM audit_log WHERE operation = 'database.copy'");
      const maxCopied = (await src.get<{ m: number }>('SELECT max(seq) AS m FROM audit_log'))!.m;
      assert.equal(entries.length, 1, 'one entry records the copy');
      assert.ok(entries[0]!.seq > maxCopied && entries[0]!.path === 'cli' && entries[0]!.actor.startsWith('cli:'));
    } finally {
      await src.close();
    }
  });

  it('leaves each Direct Line conversation appending after its last activity, and new audit entries after the copied ones', async () => {
    const dst = await openTestDb(target);
    const nextSeq = await dst.all<{ id: string; next_seq: number }>('SELECT id, next_seq FROM directline_conversations ORDER BY id');
    assert.deepEqual(nextSeq.map((r) => [r.id, Number(r.next_seq)]), [[CONVERSATION, ACTIVITIES], ['copy-conv-empty', 0]]);
    const appended = await new DirectLineStore(dst, fixedClock).append(CONVERSATION, { type: 'message', text: 'after the copy' });
    assert.equal(appended.id, activityId(CONVERSATION, ACTIVITIES));
    const before = (await dst.get<{ m: number }>('SELECT max(seq) AS m FROM audit_log'))!.m;
    const seq = await new SqlAuditLog(dst).append({ at: TEST_NOW.toISOString(), actor: 'alex', path: 'chat', operation: 'case.read', outcome: 'ok' });
    assert.equal(seq, Number(before) + 1);
  });

  it('exports the same case JSON from source and target', async () => {
    const [a, b] = [await cli(['export', 'DEMO-1', '--format', 'json', '--db', source]), await cli(['export', 'DEMO-1', '--format', 'json', '--db', on(target)])];
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    assert.equal((JSON.parse(a.out) as { summaries: Array<{ version: number }> }).summaries[0]?.version, 2, 'the correction is the latest version');
    assert.equal(b.out, a.out);
  });

  it('refuses a target that holds rows, naming the tables, and leaves it unchanged', async () => {
    const dst = await openTestDb(target);
    const before = await countRows(dst);
    const r = await cli(['copy-database', '--from', source, '--to', on(target)]);
    assert.equal(r.code, 1);
    assert.match(r.err, /not empty \(users, cases, men, .*audit_log.*\)/);
    assert.deepEqual(await countRows(dst), before);
  });

  it('refuses a source behind this Seen\'s schema, without creating the target', async () => {
    const behind = join(dir, 'behind.db');
    const db = await SqliteDb.open(behind, { asIs: true });
    for (const m of MIGRATIONS.slice(0, 2)) for (const s of m.statements) await db.run(s);
    await db.run('PRAGMA user_version = 2');
    await db.close();
    const fresh = join(dir, 'not-created.db');
    const r = await cli(['copy-database', '--from', behind, '--to', fresh]);
    assert.equal(r.code, 1);
    assert.match(r.err, /schema version 2, this Seen needs \d+: run `seen migrate` on the source first/);
    assert.equal(existsSync(fresh), false);
  });

  it('refuses a source in the middle of a retention run', async () => {
    const gated = join(dir, 'gated.db');
    const db = await SqliteDb.open(gated);
    await seedDemo(new SqlCaseRecords(db, fixedClock));
    await db.run('INSERT INTO retention_gate (opened_at) VALUES (?)', [TEST_NOW.toISOString()]);
    await db.close();
    const fresh = join(dir, 'gated-target.db');
    const r = await cli(['copy-database', '--from', gated, '--to', on(fresh)]);
    assert.equal(r.code, 1);
    assert.match(r.err, /retention run is in progress/);
    if (!onPostgres) assert.equal(existsSync(fresh), false, 'target not created');
    assert.equal(nonZero(await countRows(await openTestDb(fresh))), '', 'nothing copied');
  });

  it('--dry-run prints the counts and writes nothing', async () => {
    const fresh = join(dir, 'dry.db');
    const r = await cli(['copy-database', '--from', source, '--to', on(fresh), '--dry-run']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /dry run: nothing written/);
    const src = await SqliteDb.open(source, { asIs: true });
    const counts = await countRows(src).finally(() => src.close());
    for (const t of TABLES) assert.match(r.out, new RegExp(`^${t} +${counts[t]}\\b`, 'm'), `${t}: source count printed`);
    if (!onPostgres) assert.equal(existsSync(fresh), false, 'no file created');
    assert.equal(nonZero(await countRows(await openTestDb(fresh))), '');
  });

  const bad: Array<[string, () => string[]]> = [
    ['no arguments', () => []],
    ['no --to', () => ['--from', source]],
    ['no --from', () => ['--to', join(dir, 'x.db')]],
    ['an unexpected argument', () => ['--from', source, '--to', join(dir, 'x.db'), 'now']],
    ['an unknown option', () => ['--from', source, '--to', join(dir, 'x.db'), '--force']],
    ['the same database twice', () => ['--from', source, '--to', join(dir, '.', 'source.db')]],
    ['an invalid schema name', () => ['--from', source, '--to', 'postgres://127.0.0.1:1/seen?schema=Not-A-Schema']],
  ];
  for (const [what, args] of bad) {
    it(`refuses ${what} with exit code 2 and the usage`, async () => {
      const r = await cli(['copy-database', ...args()]);
      assert.equal(r.code, 2);
      assert.match(r.err, /usage: seen copy-database/);
    });
  }

  (onPostgres ? it : it.skip)('copies PostgreSQL back into SQLite with the same rows', async () => {
    const back = join(dir, 'back.db');
    const r = await cli(['copy-database', '--from', on(target), '--to', back]);
    assert.equal(r.code, 0, r.err);
    const [pg, lite] = [await openTestDb(target), await SqliteDb.open(back, { asIs: true })];
    try {
      // The PostgreSQL side already holds the first copy's entry; the SQLite side adds its own (the newest).
      const newest = (await lite.get<{ m: number }>('SELECT max(seq) AS m FROM audit_log'))!.m;
      for (const t of TABLES) {
        const drop = t === 'audit_log' ? { row: (row: Row) => row.seq === newest } : {};
        assert.deepEqual(await tableRows(lite, t, drop), await tableRows(pg, t, drop), `${t} rows equal`);
      }
    } finally {
      await lite.close();
    }
  });
});

// The tables holding rows, as one string (empty when none).
function nonZero(counts: Record<string, number>): string {
  return Object.entries(counts).filter(([, n]) => n > 0).map(([t]) => t).join(', ');
}
