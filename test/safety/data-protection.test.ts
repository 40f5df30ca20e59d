// Data protection: retention removes stale fictional cases only (whole, audited, gate closed again); `seen sar` exports all held about a man.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../adapters/sql/database';
import { openTestDb, dbArgs, integrityProblems } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { AuditedCaseRecords, AuditScope } from '../../adapters/sql/audited-case-records';
import { applyRetention } from '../../adapters/sql/retention';
import { main, type CliIo } from '../../bin/cli';
import { emptyDomains, type SummaryDraft } from '../../records/model';
import { seedDemo } from '../../records/demo-seed';

const DAY = 86_400_000;
const T0 = new Date('2026-11-26T10:00:00Z');
let clock = T0;
const now = () => clock;

const draft = (caseRef: string, manId: string, location = 'Home visit'): SummaryDraft => ({
  caseRef, manId, source: 'guided', domains: emptyDomains(), substances: [], cryingMessages: [], factors: [], gaps: [], actions: [],
  contact: { date: '2026-11-25', location, present: 'He and the baby', seenStatus: 'seen', notSeenReason: null },
  infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: false, jointVisitSuggested: false, note: '' },
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => Buffer.alloc(0) };
  return { code: await main(args, io), out, err };
}

describe('safety: data protection (retention, subject access)', () => {
  let dir: string;
  let file: string;
  let db: Db;
  let log: SqlAuditLog;
  let records: AuditedCaseRecords;
  const scope = new AuditScope();

  beforeEach(async () => {
    clock = T0;
    dir = mkdtempSync(join(tmpdir(), 'seen-dp-'));
    file = join(dir, 'seen.db');
    db = await openTestDb(file);
    log = new SqlAuditLog(db);
    records = new AuditedCaseRecords(new SqlCaseRecords(db, now), log, now, () => scope.current());
    await seedDemo(records);
    await records.insertCase({ ref: 'REAL-1', babyName: 'Baby R', babyDob: '2026-08-01', team: 'North', practitionerId: 'alex', open: true, fictional: false });
    await records.addMan({ id: 'real-1-man', caseRef: 'REAL-1', name: 'Real Man', role: 'birth_father', identified: true, resident: true });
    await records.saveSummary(draft('REAL-1', 'real-1-man'), 'alex');
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (table: string) => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;

  const fictional = async () => (await db.all<{ ref: string }>('SELECT ref FROM cases WHERE fictional = 1 ORDER BY ref')).map((x) => x.ref);

  // [name, days since seeding, case read 5 days before the run, which fictional cases go: none, all, or all but the one read]
  const table: Array<[string, number, string | null, 'none' | 'all' | 'all but touched']> = [
    ['nothing is older than 30 days', 10, null, 'none'],
    ['all fictional cases are stale', 40, null, 'all'],
    ['a recently read fictional case is kept', 40, 'DEMO-2', 'all but touched'],
  ];
  for (const [name, days, touched, which] of table) {
    it(`retention after ${days} days (${name}): ${which} of the fictional cases removed, never the real case`, async () => {
      const all = await fictional();
      const removed = which === 'none' ? [] : all.filter((ref) => which === 'all' || ref !== touched);
      clock = new Date(T0.getTime() + (days - 5) * DAY);
      if (touched) await scope.run({ actor: 'alex', path: 'directline' }, () => records.getCase(touched));
      clock = new Date(T0.getTime() + days * DAY);
      const versionsBefore = await count('summary_versions');
      const auditBefore = await count('audit_log');
      const r = await applyRetention(db, { now, days: 30, context: { actor: 'seen', path: 'system' } });
      assert.deepEqual(r.cases, removed);
      const left = (await db.all<{ ref: string }>('SELECT ref FROM cases ORDER BY ref')).map((x) => x.ref);
      assert.ok(left.includes('REAL-1'), 'the real case is kept');
      for (const ref of removed) {
        assert.ok(!left.includes(ref));
        assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM men WHERE case_ref = ?', [ref]))!.n, 0);
        const trail = await log.listForCase(ref);
        assert.equal(trail.at(-1)?.operation, 'retention.delete', 'the removal is in the trail, and the earlier entries stay');
        assert.ok(trail.length > 1);
      }
      assert.equal(await count('summary_versions'), versionsBefore - r.versions);
      assert.equal(await count('audit_log'), auditBefore + removed.length);
      assert.equal(await count('retention_gate'), 0, 'the gate is closed again');
      await assert.rejects(db.run('DELETE FROM summary_versions'), /statement failed/, 'outside retention nothing can delete versions');
      assert.deepEqual(await integrityProblems(db), []);
    });
  }

  it('a dry run reports and removes nothing; bad days are refused', async () => {
    clock = new Date(T0.getTime() + 90 * DAY);
    const before = await count('cases');
    const r = await applyRetention(db, { now, days: 30, context: { actor: 'seen', path: 'system' }, dryRun: true });
    assert.deepEqual(r.cases, await fictional());
    assert.equal(await count('cases'), before);
    await assert.rejects(applyRetention(db, { now, days: 0, context: { actor: 'seen', path: 'system' } }), /at least 1/);
  });

  const retentionArgs: Array<[string[], number, RegExp]> = [
    [['retention', '--days', '30', '--dry-run'], 0, /^would remove \d+ fictional case\(s\) untouched since \d{4}-\d\d-\d\dT/],
    [['retention', '--days', '0'], 2, /days: Too small/],
    [['retention', '--days', 'ten'], 2, /days: /],
    [['retention', 'now'], 2, /unexpected argument now/],
  ];
  for (const [args, code, pattern] of retentionArgs) {
    it(`seen ${args.join(' ')} → exit ${code}`, async () => {
      const r = await cli([...args, ...dbArgs(file)]);
      assert.equal(r.code, code, r.err);
      assert.match(code === 0 ? r.out : r.err, pattern);
    });
  }

  it('seen sar exports everything held about one man — every version, his audit trail — and records the export', async () => {
    await scope.run({ actor: 'alex', path: 'directline' }, async () => {
      const s = await records.saveSummary(draft('DEMO-1', 'demo-1-dan'), 'alex');
      await records.correctSummary(s.summaryId, draft('DEMO-1', 'demo-1-dan', 'Clinic'), 'alex');
    });
    await db.run("INSERT INTO directline_conversations (id, user_id, created_at) VALUES ('conv-sar-1', 'alex', ?)", [T0.toISOString()]);
    const activity = (seq: number, text: string) => db.run('INSERT INTO directline_activities (conversation_id, seq, body) VALUES (?, ?, ?)', ['conv-sar-1', seq, JSON.stringify({ type: 'message', text, from: { role: 'user' } })]);
    await activity(0, 'Dan said he is sleeping badly');
    await activity(1, 'Danger of falls discussed');
    const r = await cli(['sar', 'demo-1-dan', ...dbArgs(file)]);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as {
      subject: { id: string; name: string }; case: { ref: string }; summaryVersions: Array<{ version: number; corrects: number | null; contact: { location: string } }>;
      auditTrail: Array<{ operation: string; path: string }>; transcriptMentions: { messages: Array<{ seq: number }> };
    };
    assert.deepEqual([out.subject.id, out.subject.name, out.case.ref], ['demo-1-dan', 'Dan (fictional)', 'DEMO-1']);
    assert.deepEqual(out.summaryVersions.map((v) => [v.version, v.corrects, v.contact.location]), [[1, null, 'Home visit'], [2, 1, 'Clinic']]);
    assert.ok(out.auditTrail.some((e) => e.operation === 'summary.correct'));
    assert.deepEqual(out.auditTrail.at(-1), { ...out.auditTrail.at(-1), operation: 'subject.export', path: 'export' });
    assert.deepEqual(out.transcriptMentions.messages.map((m) => m.seq), [0], '"Danger" is not a mention of Dan');
    assert.ok(!JSON.stringify(out).includes('Real Man'), 'nothing about another man');
  });

  const sarArgs: Array<[string[], number, RegExp]> = [
    [['sar'], 2, /usage: seen sar/],
    [['sar', 'nobody'], 1, /no man with id nobody/],
    [['sar', 'demo-1-dan', '--as', 'alex'], 3, /not allowed/],
    [['sar', 'demo-4-tom', '--as', 'sam'], 3, /not allowed/],
    [['sar', 'demo-1-dan', 'x'], 2, /unexpected argument x/],
  ];
  for (const [args, code, pattern] of sarArgs) {
    it(`seen ${args.join(' ')} → exit ${code}`, async () => {
      const r = await cli([...args, ...dbArgs(file)]);
      assert.equal(r.code, code);
      assert.match(r.err, pattern);
    });
  }

  it('seen sar --as sam (supervisor of the team) is allowed and attributed to sam', async () => {
    const r = await cli(['sar', 'demo-1-dan', '--as', 'sam', ...dbArgs(file)]);
    assert.equal(r.code, 0, r.err);
    const last = (await log.listForMan('demo-1-dan')).at(-1)!;
    assert.deepEqual([last.actor, last.path, last.operation], ['sam', 'export', 'subject.export']);
  });
});
