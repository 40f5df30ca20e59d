// The audit trail: append-only in the database, written by every records call with who and how, read by `seen audit`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../adapters/sql/database';
import { openTestDb, dbArgs } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { AuditedCaseRecords, AuditScope } from '../../adapters/sql/audited-case-records';
import { auditPathOf } from '../../bot/audit-turn';
import { main, type CliIo } from '../../bin/cli';
import type { AuditEntry } from '../../records/audit';
import { emptyDomains, type SummaryDraft } from '../../records/model';
import { RecordNotFoundError } from '../../records/repository';
import { seedDemo } from '../../records/demo-seed';
import { fixedClock } from '../helpers/records';

const draft = (over: Partial<SummaryDraft> = {}): SummaryDraft => ({
  caseRef: 'DEMO-1', manId: 'demo-1-dan', source: 'guided', domains: emptyDomains(), substances: [], cryingMessages: [], factors: [], gaps: [], actions: [],
  contact: { date: '2026-11-25', location: 'Home visit', present: 'Dan and the baby', seenStatus: 'seen', notSeenReason: null },
  infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: false, jointVisitSuggested: false, note: '' },
  ...over,
});

/** Runs the CLI with captured output. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => Buffer.alloc(0) };
  const code = await main(args, io);
  return { code, out, err };
}

/** The fields a test compares (seq and time are the log's own). */
const brief = (e: AuditEntry) => [e.actor, e.path, e.operation, e.outcome, e.caseRef, e.manId];

describe('safety: audit trail', () => {
  let dir: string;
  let file: string;
  let db: Db;
  let log: SqlAuditLog;
  let scope: AuditScope;
  let records: AuditedCaseRecords;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-audit-'));
    file = join(dir, 'seen.db');
    db = await openTestDb(file);
    log = new SqlAuditLog(db);
    scope = new AuditScope();
    records = new AuditedCaseRecords(new SqlCaseRecords(db, fixedClock), log, fixedClock, () => scope.current());
    await seedDemo(records);
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the database refuses UPDATE and DELETE of an audit entry', async () => {
    const seq = await log.append({ at: fixedClock().toISOString(), actor: 'alex', path: 'cli', operation: 'case.read', outcome: 'ok', caseRef: 'DEMO-1' });
    await assert.rejects(db.run("UPDATE audit_log SET actor = 'mallory' WHERE seq = ?", [seq]), (e: Error) => /append-only/.test(String((e.cause as Error)?.message)));
    await assert.rejects(db.run('DELETE FROM audit_log WHERE seq = ?', [seq]), (e: Error) => /append-only/.test(String((e.cause as Error)?.message)));
    await assert.rejects(db.run('DELETE FROM audit_log'), /statement failed/);
    // PostgreSQL's TRUNCATE skips row triggers; a statement trigger refuses it too (SQLite has no TRUNCATE).
    if (db.dialect.name === 'postgres') await assert.rejects(db.run('TRUNCATE audit_log'), (e: Error) => /append-only/.test(String((e.cause as Error)?.message)));
    const again = await log.listForCase('DEMO-1');
    assert.equal(again.find((e) => e.seq === seq)?.actor, 'alex');
  });

  it('seeding is attributed to Seen itself; a case cannot be flipped between fictional and real', async () => {
    const seeded = await log.listForCase('DEMO-1');
    assert.deepEqual(brief(seeded[0]!), ['seen', 'system', 'case.insert', 'attempted', 'DEMO-1', null]);
    assert.ok(seeded.every((e) => e.actor === 'seen' && e.path === 'system'));
    await assert.rejects(db.run("UPDATE cases SET fictional = 0 WHERE ref = 'DEMO-1'"), /statement failed/);
  });

  const calls: Array<[string, (r: AuditedCaseRecords) => Promise<unknown>, Array<ReturnType<typeof brief>>]> = [
    ['getCase (found)', (r) => r.getCase('DEMO-1'), [['alex', 'directline', 'case.read', 'ok', 'DEMO-1', null]]],
    ['getCase (unknown)', (r) => r.getCase('DEMO-99'), [['alex', 'directline', 'case.read', 'not_found', 'DEMO-99', null]]],
    ['listMen', (r) => r.listMen('DEMO-2'), [['alex', 'directline', 'men.list', 'ok', 'DEMO-2', null]]],
    ['getMan', (r) => r.getMan('demo-3-marcus'), [['alex', 'directline', 'man.read', 'ok', 'DEMO-3', 'demo-3-marcus']]],
    ['listOpenCasesFor', (r) => r.listOpenCasesFor('jo'), [['alex', 'directline', 'case.list', 'ok', 'DEMO-4', null]]],
    ['saveSummary', (r) => r.saveSummary(draft(), 'alex'), [['alex', 'directline', 'summary.save', 'attempted', 'DEMO-1', 'demo-1-dan'], ['alex', 'directline', 'summary.save', 'ok', 'DEMO-1', 'demo-1-dan']]],
    ['saveSummary (man on another case)', (r) => r.saveSummary(draft({ manId: 'demo-4-tom' }), 'alex').catch((e: unknown) => { if (!(e instanceof RecordNotFoundError)) throw e; }),
      [['alex', 'directline', 'summary.save', 'attempted', 'DEMO-1', 'demo-4-tom'], ['alex', 'directline', 'summary.save', 'not_found', 'DEMO-1', 'demo-4-tom']]],
    ['addMan', (r) => r.addMan({ caseRef: 'DEMO-1', name: 'Lee (fictional)', role: 'mothers_partner', identified: true, resident: false }),
      [['alex', 'directline', 'man.add', 'attempted', 'DEMO-1', null], ['alex', 'directline', 'man.add', 'ok', 'DEMO-1', '*']]],
  ];
  for (const [name, call, expected] of calls) {
    it(`records ${name} with actor, path and outcome`, async () => {
      const before = (await db.get<{ n: number }>('SELECT max(seq) AS n FROM audit_log'))!.n;
      await scope.run({ actor: 'alex', path: 'directline' }, () => call(records).then(() => undefined));
      const rows = (await db.all<{ seq: number; case_ref: string | null }>('SELECT seq, case_ref FROM audit_log WHERE seq > ? ORDER BY seq', [before]));
      const entries = (await Promise.all([...new Set(rows.map((r) => r.case_ref))].map((ref) => (ref ? log.listForCase(ref) : Promise.resolve([])))))
        .flat().filter((e) => e.seq > before).sort((a, b) => a.seq - b.seq);
      assert.equal(entries.length, rows.length, 'every new entry is about a case');
      assert.deepEqual(entries.map(brief).map((b, i) => (expected[i]?.[5] === '*' ? [...b.slice(0, 5), '*'] : b)), expected);
      assert.ok(entries.every((e) => e.at === fixedClock().toISOString()), 'the injected clock is used');
    });
  }

  it('an entry never carries text: detail is an error name or a count, and free text is refused', async () => {
    await assert.rejects(log.append({ at: fixedClock().toISOString(), actor: 'alex', path: 'cli', operation: 'case.read', outcome: 'ok', detail: 'He said he drinks' }));
    await assert.rejects(log.append({ at: fixedClock().toISOString(), actor: 'alex', path: 'fax' as never, operation: 'case.read', outcome: 'ok' }));
  });

  const channels: Array<[string | undefined, string]> = [['directline', 'directline'], ['msteams', 'teams'], ['emulator', 'chat'], ['webchat', 'chat'], [undefined, 'chat']];
  for (const [channel, path] of channels) it(`channel ${channel} is audited as path ${path}`, () => assert.equal(auditPathOf(channel), path));

  describe('seen audit <case ref>', () => {
    beforeEach(async () => {
      await scope.run({ actor: 'alex', path: 'directline' }, async () => { await records.getCase('DEMO-1'); await records.saveSummary(draft(), 'alex'); });
    });

    it('prints the trail, oldest first, and records that it was read', async () => {
      const r = await cli(['audit', 'demo-1', ...dbArgs(file)]);
      assert.equal(r.code, 0, r.err);
      const lines = r.out.trim().split('\n');
      const count = (await log.listForCase('DEMO-1')).length - 1;
      assert.equal(lines[0], `Audit trail for DEMO-1: ${count} entries`);
      assert.match(lines.at(-1)!, /alex\s+directline\s+summary\.save\s+ok\s+man=demo-1-dan summary=\S+ v1$/);
      const last = (await log.listForCase('DEMO-1')).at(-1)!;
      assert.deepEqual([last.operation, last.path, last.detail], ['audit.read', 'cli', `count:${count}`]);
      assert.match(last.actor, /^cli:/);
    });

    const asTable: Array<[string, number]> = [['sam', 0], ['alex', 3], ['jo', 3], ['nobody', 3]];
    for (const [as, code] of asTable) {
      it(`--as ${as} → exit ${code} (supervisors of the team may read it; practitioners and strangers may not)`, async () => {
        const r = await cli(['audit', 'DEMO-1', '--as', as, ...dbArgs(file), '--json']);
        assert.equal(r.code, code, r.err);
        if (code === 0) assert.equal((JSON.parse(r.out) as { entries: unknown[] }).entries.length > 0, true);
        else assert.match(r.err, /not allowed/);
      });
    }

    const bad: Array<[string[], number, RegExp]> = [
      [['audit'], 2, /usage: seen audit/],
      [['audit', 'DEMO 1'], 2, /letters, digits and dashes/],
      [['audit', 'DEMO-1', 'extra'], 2, /unexpected argument/],
      [['audit', 'DEMO-1', '--bogus'], 2, /Unknown option/],
      [['audit', 'NOPE-1'], 1, /no case NOPE-1/],
    ];
    for (const [args, code, message] of bad) {
      it(`${args.join(' ')} → exit ${code}`, async () => {
        const r = await cli([...args, ...dbArgs(file)]);
        assert.equal(r.code, code);
        assert.match(r.err, message);
      });
    }
  });
});
