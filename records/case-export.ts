// Exporting a case's summaries: one access check and one audit entry, shared by `seen export`, `export <case>` in chat and its download.
import { z } from 'zod';
import { allowed } from './access';
import type { AuditContext, AuditLog, AuditOutcome } from './audit';
import type { Case, Man, Summary, User } from './model';
import type { CaseRecords } from './repository';

/** What an export produces, as the audit entry names it: Markdown, Word, JSON (CLI only), or Markdown and Word together (web chat). */
export const ExportFormat = z.enum(['md', 'docx', 'json', 'md-docx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** An export as the chat runs it: the composition root binds the audit log, clock and turn context. */
export type ExportCase = (who: Exporter, ref: string, format: ExportFormat) => Promise<CaseExport>;

/** One summary ready to render: the man it is about and its author's name (never only their user id). */
export interface ExportedSummary { summary: Summary; man: Man; authorName: string }

/** What an export finds: the summaries, or why there are none to give. */
export type CaseExport =
  | { status: 'ready'; case: Case; summaries: ExportedSummary[] }
  | { status: 'no_summaries'; case: Case }
  | { status: 'unknown_case'; ref: string }
  | { status: 'denied'; ref: string };

/** Who is exporting: a Seen user (chat, download link), whom the access policy checks; or the machine's operator (CLI), who already holds the database. */
export type Exporter = { user: User } | { operator: true };

/** What an export reads through: audited records, the trail itself, a clock, and who is acting through which path. */
export interface CaseExportDeps { records: CaseRecords; audit: AuditLog; now: () => Date; context: () => AuditContext }

/**
 * Loads a case's latest summaries for export, if the exporter may read the case, and writes one `summaries.export`
 * entry whatever the answer (ok, not_found or denied; detail `format:count`), so every attempt is in the trail.
 */
export async function exportCase(deps: CaseExportDeps, who: Exporter, ref: string, format: ExportFormat): Promise<CaseExport> {
  const record = async (outcome: AuditOutcome, caseRef: string, count: number) => {
    const { actor, path } = deps.context();
    await deps.audit.append({ at: deps.now().toISOString(), actor, path, operation: 'summaries.export', outcome, caseRef, detail: `${format}:${count}` });
  };
  const c = await deps.records.getCase(ref);
  if (!c) {
    await record('not_found', ref, 0);
    return { status: 'unknown_case', ref };
  }
  // Why read access: exporting shows no more than reading the case in chat does, to the same people.
  if ('user' in who && !allowed(who.user, 'case.read', c)) {
    await record('denied', c.ref, 0);
    return { status: 'denied', ref: c.ref };
  }
  const summaries = await deps.records.latestSummaries(c.ref);
  if (summaries.length === 0) {
    await record('not_found', c.ref, 0);
    return { status: 'no_summaries', case: c };
  }
  const men = new Map((await deps.records.listMen(c.ref)).map((m) => [m.id, m]));
  const authors = new Map<string, string>();
  for (const id of new Set(summaries.map((s) => s.author))) authors.set(id, (await deps.records.getUser(id))?.name ?? id);
  const ready = summaries.flatMap((s) => {
    const man = men.get(s.manId);
    return man ? [{ summary: s, man, authorName: authors.get(s.author) ?? s.author }] : [];
  });
  await record('ok', c.ref, ready.length);
  return { status: 'ready', case: c, summaries: ready };
}

/** Makes a short-lived download link for one user, one case and one file format (adapters/export/download-links.ts). */
export interface DownloadLinkMaker {
  /** How long a link works. */
  readonly minutes: number;
  link(userId: string, caseRef: string, format: 'md' | 'docx'): Promise<string>;
}
