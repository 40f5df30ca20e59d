// Case records as one user may see them: every read and write goes through the access policy first.
import type { Case, Man, Summary, SummaryDraft, User } from './model';
import type { CaseRecords } from './repository';
import { RecordNotFoundError, type SaveOptions } from './repository';
import { authorise, type Operation } from './access';

/** The records layer for one user: paths (chat, page, CLI, export) get this, never the raw repository. */
export class ScopedRecords {
  constructor(private readonly inner: CaseRecords, readonly user: User) {
    if (!inner) throw new TypeError('ScopedRecords needs case records');
    if (!user) throw new TypeError('ScopedRecords needs a user');
  }

  /** The user's own open allocated cases (the ones they can write up). */
  async listOwnOpenCases(): Promise<Case[]> {
    authorise(this.user, 'case.list', { practitionerId: this.user.id, team: this.user.team });
    return this.inner.listOpenCasesFor(this.user.id);
  }

  /** A case the user may read; unknown cases are undefined, forbidden ones throw. */
  async getCase(ref: string): Promise<Case | undefined> {
    const c = await this.inner.getCase(ref);
    if (c) authorise(this.user, 'case.read', c);
    return c;
  }

  /** The men on a readable case. */
  async listMen(caseRef: string): Promise<Man[]> {
    await this.caseFor(caseRef, 'case.read');
    return this.inner.listMen(caseRef);
  }

  /** Adds a man to a case the user may write to. */
  async addMan(man: Omit<Man, 'id'> & { id?: string }): Promise<Man> {
    await this.caseFor(man.caseRef, 'case.write');
    return this.inner.addMan(man);
  }

  /** Saves a new summary, authored by this user, on a case they may write to. */
  async saveSummary(draft: SummaryDraft, options?: SaveOptions): Promise<Summary> {
    await this.caseFor(draft.caseRef, 'case.write');
    return this.inner.saveSummary(draft, this.user.id, options);
  }

  /** Saves a correction as a new version, on a case they may write to. */
  async correctSummary(summaryId: string, draft: SummaryDraft): Promise<Summary> {
    await this.caseFor(draft.caseRef, 'case.write');
    return this.inner.correctSummary(summaryId, draft, this.user.id);
  }

  /** The latest summaries on a readable case. */
  async latestSummaries(caseRef: string): Promise<Summary[]> {
    await this.caseFor(caseRef, 'case.read');
    return this.inner.latestSummaries(caseRef);
  }

  // Loads the case and checks the operation against it; an unknown case is "not found", not "allowed".
  private async caseFor(ref: string, operation: Operation): Promise<Case> {
    const c = await this.inner.getCase(ref);
    if (!c) throw new RecordNotFoundError(`case ${ref}`);
    authorise(this.user, operation, c);
    return c;
  }
}
