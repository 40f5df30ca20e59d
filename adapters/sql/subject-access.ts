// The lookups behind subject access and the audit command that are not case-record reads: which team a case or man
// belongs to (for the access decision before any audited read), his summaries, supervision notes and chat mentions.
import { z } from 'zod';
import type { Db } from './database';

/** Who may see a case: its team and practitioner; undefined when there is no such case. */
export async function caseScope(db: Db, caseRef: string): Promise<{ team: string; practitionerId: string } | undefined> {
  const row = await db.get<{ team: string; practitioner_id: string }>('SELECT team, practitioner_id FROM cases WHERE ref = ?', [caseRef]);
  return row && { team: row.team, practitionerId: row.practitioner_id };
}

/** Which case a man is on and who may see it; undefined when there is no such man. */
export async function manScope(db: Db, manId: string): Promise<{ caseRef: string; team: string; practitionerId: string } | undefined> {
  const row = await db.get<{ case_ref: string; team: string; practitioner_id: string }>(
    'SELECT m.case_ref, c.team, c.practitioner_id FROM men m JOIN cases c ON c.ref = m.case_ref WHERE m.id = ?', [manId]);
  return row && { caseRef: row.case_ref, team: row.team, practitionerId: row.practitioner_id };
}

/** The ids of every summary about him, oldest first (their versions are read through the audited records). */
export async function summaryIdsForMan(db: Db, manId: string): Promise<string[]> {
  return (await db.all<{ id: string }>('SELECT id FROM summaries WHERE man_id = ? ORDER BY created_at', [manId])).map((r) => r.id);
}

/** Supervision discussions about him, as stored (column names kept: the export shows the record as held). */
export function supervisionForMan(db: Db, manId: string): Promise<Array<Record<string, unknown>>> {
  return db.all<Record<string, unknown>>('SELECT case_ref, man_id, recorded_by, discussed_on, created_at FROM supervision_discussions WHERE man_id = ? ORDER BY id', [manId]);
}

/** A transcript line that may mention him: his name appears in a message; listed for a person to review, not interpreted. */
export interface Mention { conversationId: string; seq: number; timestamp: string | null; from: string | null; text: string }

/** Messages in Seen's Direct Line transcripts that contain his first name as a whole word (case-insensitive). */
export async function transcriptMentions(db: Db, name: string): Promise<Mention[]> {
  const first = name.replace(/\(.*?\)/g, '').trim().split(/\s+/)[0] ?? '';
  if (first.length < 2) return [];
  const word = new RegExp(`(^|[^\\p{L}])${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu');
  const rows = await db.all<{ conversation_id: string; seq: number; body: string }>(
    // lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
    "SELECT conversation_id, seq, body FROM directline_activities WHERE lower(body) LIKE ? ESCAPE '\\' ORDER BY conversation_id, seq",
    [`%${first.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
  );
  const out: Mention[] = [];
  for (const r of rows) {
    const a = z.looseObject({ text: z.string().optional(), timestamp: z.string().optional(), from: z.looseObject({ role: z.string().optional() }).optional() }).safeParse(JSON.parse(r.body));
    if (a.success && a.data.text && word.test(a.data.text)) out.push({
      conversationId: r.conversation_id, seq: r.seq, timestamp: a.data.timestamp ?? null, from: a.data.from?.role ?? null, text: a.data.text,
    });
  }
  return out;
}
