// CaseRecords that write the audit trail: every read and write of a case record is delegated, then recorded with who and how.
import { AsyncLocalStorage } from 'node:async_hooks';
import { AccessDeniedError } from '../../records/access';
import { AuditContext, type AuditEntryInput, type AuditLog, type AuditOperation, type AuditOutcome } from '../../records/audit';
import type { Case, Man, Summary, SummaryDraft, User } from '../../records/model';
import { RecordNotFoundError, type CaseRecords, type SaveOptions } from '../../records/repository';

/** Seen acting on its own behalf (seeding, start-up jobs) when no turn or command set a context. */
export const SYSTEM_CONTEXT: AuditContext = { actor: 'seen', path: 'system' };

/** Carries the audit context through one turn or command (async-safe), so the CaseRecords signatures stay as they are. */
export class AuditScope {
  private readonly storage = new AsyncLocalStorage<AuditContext>();

  /** Runs fn with this actor and path; records calls inside it (however deeply awaited) are attributed to them. */
  run<T>(context: AuditContext, fn: () => Promise<T>): Promise<T> {
    return this.storage.run(AuditContext.parse(context), fn);
  }

  /** The context of the calling turn, or Seen itself. */
  current(): AuditContext {
    return this.storage.getStore() ?? SYSTEM_CONTEXT;
  }
}

/** An audit entry minus the fields the decorator fills in. */
type Facts = Partial<Pick<AuditEntryInput, 'caseRef' | 'manId' | 'summaryId' | 'version' | 'detail'>>;

/** What an error means for the trail: refused, not there, or failed; only the class name is kept. */
function outcomeOf(err: unknown): { outcome: AuditOutcome; detail: string } {
  const detail = err instanceof Error ? err.name.replace(/[^\w.:-]/g, '').slice(0, 100) : 'unknown';
  if (err instanceof AccessDeniedError) return { outcome: 'denied', detail };
  if (err instanceof RecordNotFoundError) return { outcome: 'not_found', detail };
  return { outcome: 'failed', detail };
}

/** Decorates any CaseRecords; the context comes from `context()` per call (an AuditScope, or a fixed one for the CLI). */
export class AuditedCaseRecords implements CaseRecords {
  constructor(
    private readonly inner: CaseRecords,
    private readonly log: AuditLog,
    private readonly now: () => Date,
    private readonly context: () => AuditContext,
  ) {
    if (!inner) throw new TypeError('AuditedCaseRecords needs case records');
    if (!log) throw new TypeError('AuditedCaseRecords needs an audit log');
    if (typeof now !== 'function') throw new TypeError('AuditedCaseRecords needs a clock');
    if (typeof context !== 'function') throw new TypeError('AuditedCaseRecords needs a context source');
  }

  // Users and counts are not case records: delegated without an entry.
  listUsers(): Promise<User[]> { return this.inner.listUsers(); }
  getUser(id: string): Promise<User | undefined> { return this.inner.getUser(id); }
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined> { return this.inner.getUserByAadObjectId(aadObjectId); }
  upsertUser(user: User): Promise<void> { return this.inner.upsertUser(user); }
  countCases(): Promise<number> { return this.inner.countCases(); }

  async insertCase(c: Case): Promise<void> {
    await this.write('case.insert', { caseRef: c.ref }, () => this.inner.insertCase(c), () => ({}));
  }

  async getCase(ref: string): Promise<Case | undefined> {
    const c = await this.read('case.read', { caseRef: ref }, () => this.inner.getCase(ref));
    if (!c) await this.entry('case.read', 'not_found', { caseRef: ref });
    else await this.entry('case.read', 'ok', { caseRef: c.ref });
    return c;
  }

  async listOpenCasesFor(practitionerId: string): Promise<Case[]> {
    const cases = await this.read('case.list', {}, () => this.inner.listOpenCasesFor(practitionerId));
    for (const c of cases) await this.entry('case.list', 'ok', { caseRef: c.ref });
    return cases;
  }

  async listMen(caseRef: string): Promise<Man[]> {
    const men = await this.read('men.list', { caseRef }, () => this.inner.listMen(caseRef));
    await this.entry('men.list', 'ok', { caseRef, detail: `count:${men.length}` });
    return men;
  }

  async getMan(id: string): Promise<Man | undefined> {
    const man = await this.read('man.read', { manId: id }, () => this.inner.getMan(id));
    await this.entry('man.read', man ? 'ok' : 'not_found', { manId: id, caseRef: man?.caseRef ?? null });
    return man;
  }

  addMan(man: Omit<Man, 'id'> & { id?: string }): Promise<Man> {
    return this.write('man.add', { caseRef: man.caseRef }, () => this.inner.addMan(man), (m) => ({ manId: m.id }));
  }

  saveSummary(draft: SummaryDraft, author: string, options?: SaveOptions): Promise<Summary> {
    return this.write('summary.save', { caseRef: draft.caseRef, manId: draft.manId }, () => this.inner.saveSummary(draft, author, options), (s) => ({ summaryId: s.summaryId, version: s.version }));
  }

  correctSummary(summaryId: string, draft: SummaryDraft, author: string): Promise<Summary> {
    return this.write('summary.correct', { caseRef: draft.caseRef, manId: draft.manId, summaryId }, () => this.inner.correctSummary(summaryId, draft, author), (s) => ({ version: s.version }));
  }

  async latestSummaries(caseRef: string): Promise<Summary[]> {
    const summaries = await this.read('summaries.read', { caseRef }, () => this.inner.latestSummaries(caseRef));
    await this.entry('summaries.read', 'ok', { caseRef, detail: `count:${summaries.length}` });
    return summaries;
  }

  async summaryVersions(summaryId: string): Promise<Summary[]> {
    const versions = await this.read('versions.read', { summaryId }, () => this.inner.summaryVersions(summaryId));
    const first = versions[0];
    await this.entry('versions.read', first ? 'ok' : 'not_found', { summaryId, caseRef: first?.caseRef ?? null, manId: first?.manId ?? null, detail: `count:${versions.length}` });
    return versions;
  }

  // A read that fails is recorded with its outcome and rethrown; success is recorded by the caller, which knows the case.
  private async read<T>(operation: AuditOperation, facts: Facts, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const { outcome, detail } = outcomeOf(err);
      await this.entry(operation, outcome, { ...facts, detail });
      throw err;
    }
  }

  // A write is recorded before (attempted) and after (ok or failed), so even a crash mid-write leaves its trace.
  private async write<T>(operation: AuditOperation, facts: Facts, fn: () => Promise<T>, after: (result: T) => Facts): Promise<T> {
    await this.entry(operation, 'attempted', facts);
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      const { outcome, detail } = outcomeOf(err);
      await this.entry(operation, outcome, { ...facts, detail });
      throw err;
    }
    await this.entry(operation, 'ok', { ...facts, ...after(result) });
    return result;
  }

  // Appends one entry with the caller's context and the injected clock; an audit failure fails the call.
  private async entry(operation: AuditOperation, outcome: AuditOutcome, facts: Facts): Promise<void> {
    const { actor, path } = this.context();
    await this.log.append({ at: this.now().toISOString(), actor, path, operation, outcome, ...facts });
  }
}
