// Coverage figures that write the audit trail: every team report (view, CSV, CLI or chat) and partnership report, with the team.
import type { AuditContext, AuditLog, AuditOperation } from '../../records/audit';
import { CoverageQuery, type CoverageList, type CoverageReader, type MembersQuery, type Discussion, type ManCoverage, type PartnershipCoverage, type TeamCoverage } from '../../records/coverage';

/** Decorates any CoverageReader; the actor and path come from `context()` per call (the turn's scope, the page's user, the CLI user). */
export class AuditedCoverage implements CoverageReader {
  constructor(
    private readonly inner: CoverageReader,
    private readonly log: AuditLog,
    private readonly now: () => Date,
    private readonly context: () => AuditContext,
  ) {
    if (!inner) throw new TypeError('AuditedCoverage needs a coverage reader');
    if (!log) throw new TypeError('AuditedCoverage needs an audit log');
    if (typeof now !== 'function') throw new TypeError('AuditedCoverage needs a clock');
    if (typeof context !== 'function') throw new TypeError('AuditedCoverage needs a context source');
  }

  async teamCoverage(team: string, query: CoverageQuery): Promise<TeamCoverage> {
    return this.audited(`coverage.team.${CoverageQuery.parse(query).purpose}`, team, () => this.inner.teamCoverage(team, query));
  }

  async members(team: string, query: CoverageQuery, which: MembersQuery): Promise<CoverageList> {
    return this.audited('coverage.team.members', team, () => this.inner.members(team, query, which), `${which.measure}:${which.unit}`);
  }

  async partnershipCoverage(query: CoverageQuery): Promise<PartnershipCoverage> {
    return this.audited(`coverage.partnership.${CoverageQuery.parse(query).purpose}`, null, () => this.inner.partnershipCoverage(query));
  }

  // Per-case reads feed prepare's reminders and the discussion note, whose case reads are audited by the records they go through.
  caseCoverage(caseRef: string, today: string): Promise<ManCoverage[]> { return this.inner.caseCoverage(caseRef, today); }
  combiningMen(caseRef: string): Promise<string[]> { return this.inner.combiningMen(caseRef); }
  recordDiscussion(d: Discussion, recordedBy: string, createdAt: string): Promise<void> { return this.inner.recordDiscussion(d, recordedBy, createdAt); }
  teams(): Promise<string[]> { return this.inner.teams(); }

  // Runs the read and records it: ok with the team, or the error's class name; an audit failure fails the read.
  private async audited<T>(operation: `coverage.${string}`, team: string | null, fn: () => Promise<T>, what: string | null = null): Promise<T> {
    const { actor, path } = this.context();
    const entry = (outcome: 'ok' | 'failed', detail: string | null) =>
      this.log.append({ at: this.now().toISOString(), actor, path, operation: operation as AuditOperation, outcome, team, detail });
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      await entry('failed', err instanceof Error ? err.name.replace(/[^\w.:-]/g, '').slice(0, 100) : 'unknown');
      throw err;
    }
    await entry('ok', what);
    return result;
  }
}
