import assert from 'node:assert/strict';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { AuditedCoverage } from '../../adapters/sql/audited-coverage';
import { AuditScope } from '../../adapters/sql/audited-case-records';
import { auditPathOf } from '../../bot/audit-turn';
import { seedDemo } from '../../records/demo-seed';
import { fixedClock, TEST_NOW } from '../helpers/records';

// Coverage reads in the audit trail (issue 17.4): the chat paths too, through the turn's audit scope, and failures.
describe('coverage: audited reads', () => {
  let db: Db;
  let log: SqlAuditLog;
  let scope: AuditScope;
  let coverage: AuditedCoverage;
  before(async () => {
    db = await openTestDb();
    await seedDemo(new SqlCaseRecords(db, fixedClock));
    log = new SqlAuditLog(db);
    scope = new AuditScope();
    coverage = new AuditedCoverage(new SqlCoverage(db), log, fixedClock, () => scope.current());
  });
  after(() => db.close());

  const paths: Array<[string, string]> = [['msteams', 'teams'], ['directline', 'directline'], ['emulator', 'chat']];
  for (const [channel, path] of paths) {
    it(`a chat report through ${channel} is audited with the user, the team and the ${path} path`, async () => {
      const before = (await log.listForTeam('North')).length;
      await scope.run({ actor: 'sam', path: auditPathOf(channel) }, () => coverage.teamCoverage('North', { today: '2026-11-26' }));
      const [entry, ...more] = (await log.listForTeam('North')).slice(before);
      assert.deepEqual(more, []);
      assert.deepEqual([entry!.actor, entry!.team, entry!.path, entry!.operation, entry!.outcome, entry!.at], ['sam', 'North', path, 'coverage.team.view', 'ok', TEST_NOW.toISOString()]);
    });
  }

  it('a read that fails is audited as failed with the error class, and the error still reaches the caller', async () => {
    const failing = new AuditedCoverage({ ...new SqlCoverage(db), teamCoverage: async () => { throw new RangeError('boom'); } } as unknown as SqlCoverage, log, fixedClock, () => ({ actor: 'sam', path: 'page' }));
    await assert.rejects(failing.teamCoverage('North', { today: '2026-11-26', purpose: 'csv' }), RangeError);
    const last = (await log.listForTeam('North')).at(-1)!;
    assert.deepEqual([last.operation, last.outcome, last.detail], ['coverage.team.csv', 'failed', 'RangeError']);
  });

  it('partnership reads are audited without a team', async () => {
    await scope.run({ actor: 'pat', path: 'page' }, () => coverage.partnershipCoverage({ today: '2026-11-26' }));
    const rows = await db.all<{ actor: string; operation: string; team: string | null }>("SELECT actor, operation, team FROM audit_log WHERE operation LIKE 'coverage.partnership.%'");
    assert.deepEqual(rows, [{ actor: 'pat', operation: 'coverage.partnership.view', team: null }]);
  });
});
