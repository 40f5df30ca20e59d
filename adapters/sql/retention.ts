// Retention of demo and test data: fictional cases untouched for N days are removed whole. Real cases are never touched.
import type { AuditContext } from '../../records/audit';
import { SqlAuditLog } from './audit-log';
import type { Db } from './database';

/** What one retention run removed (or, in a dry run, would remove). */
export interface RetentionReport { cutoff: string; cases: string[]; men: number; summaries: number; versions: number }

/** A retention failure (the whole run rolls back), carrying the database error as its cause. */
export class RetentionError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'RetentionError';
  }
}

/** Fictional cases whose last recorded activity (audit trail or summary) is older than the cutoff. */
async function staleFictionalCases(db: Db, cutoff: string): Promise<string[]> {
  const rows = await db.all<{ ref: string }>(
    // The latest of the two, as one aggregate over a union (portable, and NULL-safe: never touched counts as '').
    `SELECT c.ref FROM cases c WHERE c.fictional = 1 AND coalesce((SELECT max(t) FROM (
       SELECT max(at) AS t FROM audit_log a WHERE a.case_ref = c.ref AND a.operation <> 'retention.delete'
       UNION ALL SELECT max(created_at) AS t FROM summaries s WHERE s.case_ref = c.ref) u), '') < ? ORDER BY c.ref`,
    [cutoff],
  );
  return rows.map((r) => r.ref);
}

/** Removes stale fictional cases (versions, summaries, projections, men, case) in one transaction, auditing each case in the same transaction. */
export async function applyRetention(db: Db, opts: { now: () => Date; days: number; context: AuditContext; dryRun?: boolean }): Promise<RetentionReport> {
  if (!Number.isInteger(opts.days) || opts.days < 1) throw new TypeError('retention needs a whole number of days, at least 1');
  const at = opts.now();
  const cutoff = new Date(at.getTime() - opts.days * 86_400_000).toISOString();
  const cases = await staleFictionalCases(db, cutoff);
  const report: RetentionReport = { cutoff, cases, men: 0, summaries: 0, versions: 0 };
  if (opts.dryRun || cases.length === 0) return report;
  const marks = cases.map(() => '?').join(', ');
  const inSummaries = `summary_id IN (SELECT id FROM summaries WHERE case_ref IN (${marks}))`;
  try {
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO retention_gate (opened_at) VALUES (?)', [at.toISOString()]);
      await tx.run(`DELETE FROM action_items WHERE case_ref IN (${marks})`, cases);
      report.versions = (await tx.run(`DELETE FROM summary_versions WHERE ${inSummaries}`, cases)).changes;
      await tx.run(`DELETE FROM coverage_facts WHERE ${inSummaries}`, cases);
      await tx.run(`DELETE FROM coverage_months WHERE case_ref IN (${marks})`, cases);
      await tx.run(`DELETE FROM supervision_discussions WHERE case_ref IN (${marks})`, cases);
      report.summaries = (await tx.run(`DELETE FROM summaries WHERE case_ref IN (${marks})`, cases)).changes;
      report.men = (await tx.run(`DELETE FROM men WHERE case_ref IN (${marks})`, cases)).changes;
      await tx.run(`DELETE FROM cases WHERE fictional = 1 AND ref IN (${marks})`, cases);
      await tx.run('DELETE FROM retention_gate');
      const log = new SqlAuditLog(tx);
      for (const ref of cases) await log.append({ at: at.toISOString(), ...opts.context, operation: 'retention.delete', outcome: 'ok', caseRef: ref });
    });
  } catch (cause) {
    throw new RetentionError('retention run failed; nothing was removed', { cause });
  }
  return report;
}
