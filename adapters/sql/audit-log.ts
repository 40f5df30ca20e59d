// The audit trail in SQL: INSERT only (both backends' migration 3 triggers refuse UPDATE and DELETE), rows validated on the way back.
import { AuditEntry, AuditEntryInput, type AuditLog } from '../../records/audit';
import { CorruptRecordError } from '../../records/repository';
import type { Executor } from './database';

interface AuditRow {
  seq: number; at: string; actor: string; path: string; operation: string; outcome: string;
  case_ref: string | null; man_id: string | null; summary_id: string | null; version: number | null; team: string | null; detail: string | null;
}

/** Turns a stored row into an entry; a row that no longer parses is reported, never shown. */
function toEntry(r: AuditRow): AuditEntry {
  const parsed = AuditEntry.safeParse({
    seq: r.seq, at: r.at, actor: r.actor, path: r.path, operation: r.operation, outcome: r.outcome,
    caseRef: r.case_ref, manId: r.man_id, summaryId: r.summary_id, version: r.version, team: r.team ?? null, detail: r.detail,
  });
  if (!parsed.success) throw new CorruptRecordError(`audit entry ${r.seq}`, { cause: parsed.error });
  return parsed.data;
}

/** The audit log on either backend; it has no method that changes or removes an entry. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: Executor) {
    if (!db) throw new TypeError('SqlAuditLog needs a Db');
  }

  async append(entry: AuditEntryInput): Promise<number> {
    const e = AuditEntryInput.parse(entry);
    const row = await this.db.get<{ seq: number }>(
      `INSERT INTO audit_log (at, actor, path, operation, outcome, case_ref, man_id, summary_id, version, team, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
      [e.at, e.actor, e.path, e.operation, e.outcome, e.caseRef, e.manId, e.summaryId, e.version, e.team, e.detail],
    );
    return Number(row!.seq);
  }

  async listForCase(caseRef: string): Promise<AuditEntry[]> {
    return (await this.db.all<AuditRow>('SELECT * FROM audit_log WHERE case_ref = ? ORDER BY seq', [caseRef])).map(toEntry);
  }

  async listForMan(manId: string): Promise<AuditEntry[]> {
    return (await this.db.all<AuditRow>('SELECT * FROM audit_log WHERE man_id = ? ORDER BY seq', [manId])).map(toEntry);
  }

  async listForTeam(team: string): Promise<AuditEntry[]> {
    return (await this.db.all<AuditRow>('SELECT * FROM audit_log WHERE team = ? ORDER BY seq', [team])).map(toEntry);
  }
}
