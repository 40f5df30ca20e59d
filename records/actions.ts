// Actions agreed at a contact, with an owner and an optional due date; which are still open for a man (issue 17.6).
import { z } from 'zod';
import { IsoDate, type Summary } from './model';

/** One action as stored in a summary: its own id, the words agreed, who owns it, and when it is due (optional). */
export type ActionItem = NonNullable<Summary['actionItems']>[number];

/** "… by 2026-12-10" or "… due 2026-12-10" at the end of a line sets the due date. */
const DUE = /\s+(?:by|due)\s+(\d{4}-\d{2}-\d{2})\s*\.?$/i;

/** Reads one "actions agreed" line: the due date if it ends with one (kept in the words too, so nothing typed is lost). */
export function parseActionLine(line: string): { text: string; dueOn: string | null } {
  const text = line.trim();
  const m = DUE.exec(text);
  const due = m && IsoDate.safeParse(m[1]).success && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) ? m[1]! : null;
  return { text, dueOn: due };
}

/** An action still open for a man, with the contact it was agreed at. */
export const OpenAction = z.object({ id: z.string(), text: z.string(), ownerId: z.string(), dueOn: IsoDate.nullable(), agreedOn: IsoDate });
export type OpenAction = z.infer<typeof OpenAction>;

/** The actions agreed with a man on any of his summaries (latest versions) that no later summary marked done, oldest contact first. */
export function openActions(summaries: readonly Summary[], manId: string): OpenAction[] {
  const his = summaries.filter((s) => s.manId === manId);
  const done = new Set(his.flatMap((s) => s.actionsDone ?? []));
  return his
    .flatMap((s) => (s.actionItems ?? []).map((a) => ({ id: a.id, text: a.text, ownerId: a.ownerId, dueOn: a.dueOn, agreedOn: s.contact.date })))
    .filter((a) => !done.has(a.id))
    .sort((a, b) => a.agreedOn.localeCompare(b.agreedOn)); // stable: within a contact, in the order agreed
}
