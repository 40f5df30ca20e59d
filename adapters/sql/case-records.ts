// CaseRecords in SQL that runs on SQLite and PostgreSQL alike: zod-validated rows in and out, one transaction per write.
import { randomUUID } from 'node:crypto';
import { Case, Man, Summary, SummaryDraft, User } from '../../records/model';
import { CaseRecords, CorruptRecordError, RecordNotFoundError, type SaveOptions } from '../../records/repository';
import type { Db, Executor } from './database';

interface UserRow { id: string; name: string; role: string; team: string; aad_object_id: string | null; disabled: number }
interface CaseRow { ref: string; baby_name: string; baby_dob: string; team: string; practitioner_id: string; open: number; fictional: number }
interface ManRow { id: string; case_ref: string; name: string; role: string; identified: number; resident: number }
interface VersionRow { summary_id: string; version: number; corrects: number | null; author: string; created_at: string; body: string }

/** Parses a row with a schema, turning a mismatch into a typed error rather than bad data on screen. */
function parseRow<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (cause) {
    throw new CorruptRecordError(what, { cause });
  }
}

const toUser = (r: UserRow): User =>
  parseRow('user', () => User.parse({ id: r.id, name: r.name, role: r.role, team: r.team, aadObjectId: r.aad_object_id, disabled: r.disabled === 1 }));
const toCase = (r: CaseRow): Case =>
  parseRow('case', () =>
    Case.parse({ ref: r.ref, babyName: r.baby_name, babyDob: r.baby_dob, team: r.team, practitionerId: r.practitioner_id, open: r.open === 1, fictional: r.fictional === 1 }),
  );
const toMan = (r: ManRow): Man =>
  parseRow('man', () => Man.parse({ id: r.id, caseRef: r.case_ref, name: r.name, role: r.role, identified: r.identified === 1, resident: r.resident === 1 }));
const toSummary = (r: VersionRow): Summary =>
  parseRow('summary', () =>
    Summary.parse({ ...JSON.parse(r.body), summaryId: r.summary_id, version: r.version, corrects: r.corrects, author: r.author, createdAt: r.created_at }),
  );

/** The case-record repository on either backend; `now` is injected so tests never read the real clock. */
export class SqlCaseRecords implements CaseRecords {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    if (!db) throw new TypeError('SqlCaseRecords needs a Db');
    if (typeof now !== 'function') throw new TypeError('SqlCaseRecords needs a clock');
  }

  async listUsers(): Promise<User[]> {
    return (await this.db.all<UserRow>('SELECT * FROM users ORDER BY team, name')).map(toUser);
  }

  async getUser(id: string): Promise<User | undefined> {
    const r = await this.db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return r && toUser(r);
  }

  async getUserByAadObjectId(aadObjectId: string): Promise<User | undefined> {
    // Why: sign-in and Teams both find users here, so a disabled user is refused on every path by this one condition.
    const r = await this.db.get<UserRow>('SELECT * FROM users WHERE aad_object_id = ? AND disabled = 0', [aadObjectId]);
    return r && toUser(r);
  }

  async upsertUser(user: User): Promise<void> {
    const u = User.parse(user);
    await this.db.run(
      `INSERT INTO users (id, name, role, team, aad_object_id, disabled) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, team = excluded.team, aad_object_id = excluded.aad_object_id, disabled = excluded.disabled`,
      [u.id, u.name, u.role, u.team, u.aadObjectId, u.disabled ? 1 : 0],
    );
  }

  async insertCase(c: Case): Promise<void> {
    const v = Case.parse(c);
    await this.db.run('INSERT INTO cases (ref, baby_name, baby_dob, team, practitioner_id, open, fictional) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      v.ref, v.babyName, v.babyDob, v.team, v.practitionerId, v.open ? 1 : 0, v.fictional ? 1 : 0,
    ]);
  }

  async getCase(ref: string): Promise<Case | undefined> {
    const r = await this.db.get<CaseRow>('SELECT * FROM cases WHERE ref = ?', [ref]);
    return r && toCase(r);
  }

  async listOpenCasesFor(practitionerId: string): Promise<Case[]> {
    return (await this.db.all<CaseRow>('SELECT * FROM cases WHERE practitioner_id = ? AND open = 1 ORDER BY ref', [practitionerId])).map(toCase);
  }

  async countCases(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cases'))?.n ?? 0;
  }

  async listMen(caseRef: string): Promise<Man[]> {
    return (await this.db.all<ManRow>(`SELECT * FROM men WHERE case_ref = ? ORDER BY ${this.db.dialect.insertionOrder}`, [caseRef])).map(toMan);
  }

  async getMan(id: string): Promise<Man | undefined> {
    const r = await this.db.get<ManRow>('SELECT * FROM men WHERE id = ?', [id]);
    return r && toMan(r);
  }

  async addMan(man: Omit<Man, 'id'> & { id?: string }): Promise<Man> {
    const m = Man.parse({ ...man, id: man.id ?? randomUUID() });
    await this.db.run('INSERT INTO men (id, case_ref, name, role, identified, resident) VALUES (?, ?, ?, ?, ?, ?)', [
      m.id, m.caseRef, m.name, m.role, m.identified ? 1 : 0, m.resident ? 1 : 0,
    ]);
    return m;
  }

  async saveSummary(draft: SummaryDraft, author: string, options: SaveOptions = {}): Promise<Summary> {
    const d = SummaryDraft.parse(draft);
    const summaryId = options.summaryId ?? randomUUID();
    const createdAt = this.now().toISOString();
    return this.db.transaction(async (tx) => {
      await this.checkCaseAndMan(tx, d);
      // Why ON CONFLICT: the same confirm arriving twice (after a crash mid-turn, or at two instances at once) saves once.
      const inserted = await tx.run(
        'INSERT INTO summaries (id, case_ref, man_id, contact_date, seen_status, latest_version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (id) DO NOTHING',
        [summaryId, d.caseRef, d.manId, d.contact.date, d.contact.seenStatus, createdAt],
      );
      if (inserted.changes === 1) return this.insertVersion(tx, summaryId, 1, null, d, author, createdAt);
      const existing = await tx.get<{ case_ref: string; man_id: string }>('SELECT case_ref, man_id FROM summaries WHERE id = ?', [summaryId]);
      if (!existing || existing.case_ref !== d.caseRef || existing.man_id !== d.manId) throw new RecordNotFoundError(`summary ${summaryId} for that case and man`);
      const first = await tx.get<VersionRow>('SELECT * FROM summary_versions WHERE summary_id = ? AND version = 1', [summaryId]);
      return toSummary(first!);
    });
  }

  async correctSummary(summaryId: string, draft: SummaryDraft, author: string): Promise<Summary> {
    const d = SummaryDraft.parse(draft);
    const createdAt = this.now().toISOString();
    return this.db.transaction(async (tx) => {
      // Why update first: it locks the summary row (PostgreSQL) so two corrections at once get versions N+1 and N+2, never both N+1.
      const row = await tx.get<{ latest_version: number; case_ref: string; man_id: string }>(
        'UPDATE summaries SET latest_version = latest_version + 1, contact_date = ?, seen_status = ? WHERE id = ? RETURNING latest_version, case_ref, man_id',
        [d.contact.date, d.contact.seenStatus, summaryId],
      );
      if (!row) throw new RecordNotFoundError(`summary ${summaryId}`);
      if (row.case_ref !== d.caseRef || row.man_id !== d.manId) throw new RecordNotFoundError(`summary ${summaryId} for that case and man`);
      return this.insertVersion(tx, summaryId, row.latest_version, row.latest_version - 1, d, author, createdAt);
    });
  }

  async latestSummaries(caseRef: string): Promise<Summary[]> {
    const rows = await this.db.all<VersionRow>(
      `SELECT v.* FROM summaries s JOIN summary_versions v ON v.summary_id = s.id AND v.version = s.latest_version
       WHERE s.case_ref = ? ORDER BY s.contact_date, s.created_at`,
      [caseRef],
    );
    return rows.map(toSummary);
  }

  async summaryVersions(summaryId: string): Promise<Summary[]> {
    return (await this.db.all<VersionRow>('SELECT * FROM summary_versions WHERE summary_id = ? ORDER BY version', [summaryId])).map(toSummary);
  }

  // A summary must name an existing case and a man on that case.
  private async checkCaseAndMan(tx: Executor, d: SummaryDraft): Promise<void> {
    const man = await tx.get<{ case_ref: string }>('SELECT case_ref FROM men WHERE id = ?', [d.manId]);
    if (!man || man.case_ref !== d.caseRef) throw new RecordNotFoundError(`man ${d.manId} on case ${d.caseRef}`);
  }

  // Appends one version row; the body holds the validated draft as JSON.
  private async insertVersion(tx: Executor, summaryId: string, version: number, corrects: number | null, d: SummaryDraft, author: string, createdAt: string): Promise<Summary> {
    await tx.run('INSERT INTO summary_versions (summary_id, version, corrects, author, created_at, body) VALUES (?, ?, ?, ?, ?, ?)', [
      summaryId, version, corrects, author, createdAt, JSON.stringify(d),
    ]);
    return Summary.parse({ ...d, summaryId, version, corrects, author, createdAt });
  }
}
