// The case-record repository contract: what Seen may read and write, independent of the database behind it.
import type { Case, Man, Summary, SummaryDraft, User } from './model';

/** A record that should exist but does not (unknown case, man or summary). */
export class RecordNotFoundError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} not found`, options);
    this.name = 'RecordNotFoundError';
  }
}

/**
 * A confirmed write-up or correction the database did not take: nothing of it was saved, and what was saved before
 * is untouched (each save is one transaction). The turn-error handler says exactly that.
 */
export class RecordSaveError extends Error {
  constructor(what: string, options: { cause: unknown }) {
    super(`${what} was not saved`, options);
    this.name = 'RecordSaveError';
  }
}

/** A stored row that no longer matches the schema: never shown, always reported. */
export class CorruptRecordError extends Error {
  constructor(what: string, options: { cause: unknown }) {
    super(`${what} failed validation`, options);
    this.name = 'CorruptRecordError';
  }
}

/** How a save is identified: the id chosen when the draft was shown for review makes the save idempotent. */
export interface SaveOptions { summaryId?: string }

/** Everything Seen stores about cases, men and summaries. Summaries are append-only versions. */
export interface CaseRecords {
  listUsers(): Promise<User[]>;
  getUser(id: string): Promise<User | undefined>;
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined>;
  upsertUser(user: User): Promise<void>;

  insertCase(c: Case): Promise<void>;
  getCase(ref: string): Promise<Case | undefined>;
  listOpenCasesFor(practitionerId: string): Promise<Case[]>;
  countCases(): Promise<number>;

  listMen(caseRef: string): Promise<Man[]>;
  getMan(id: string): Promise<Man | undefined>;
  addMan(man: Omit<Man, 'id'> & { id?: string }): Promise<Man>;

  /**
   * Saves a new summary as version 1, in one transaction with its contact row. Given a `summaryId` already saved for the
   * same case and man, returns that summary instead of saving twice (a confirm repeated after a crash).
   */
  saveSummary(draft: SummaryDraft, author: string, options?: SaveOptions): Promise<Summary>;
  /** Saves a correction as the next version; the earlier versions stay as they were. */
  correctSummary(summaryId: string, draft: SummaryDraft, author: string): Promise<Summary>;
  /** The latest version of every summary on a case, oldest contact first. */
  latestSummaries(caseRef: string): Promise<Summary[]>;
  /** Every version of one summary, oldest first. */
  summaryVersions(summaryId: string): Promise<Summary[]>;
}
