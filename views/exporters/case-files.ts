// A case's exported summaries as files (Markdown, Word) and as copyable text; shared by `seen export`, the chat and the download link.
import type { Case } from '../../records/model';
import type { ExportedSummary } from '../../records/case-export';
import { t } from '../../prompts';
import { layoutToMarkdown } from './markdown';
import { layoutSummary, type SummaryLayout } from './summary-view';
import { layoutsToDocx } from './docx';

/** The media types of the two files a person can download. */
export const MEDIA_TYPE = { md: 'text/markdown; charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** Each summary laid out, naming its man and its author by name. */
export function caseLayouts(c: Case, summaries: readonly ExportedSummary[]): SummaryLayout[] {
  return summaries.map((s) => layoutSummary(s.summary, { manName: s.man.name, manRole: s.man.role, fictional: c.fictional, authorName: s.authorName }));
}

/** Every summary as Markdown, separated by rules, as a case file holds them. */
export function caseMarkdown(c: Case, summaries: readonly ExportedSummary[]): string {
  return caseLayouts(c, summaries).map(layoutToMarkdown).join('\n---\n\n');
}

/** Every summary as a Word document, headed with the case and who exported it when. */
export function caseDocx(c: Case, summaries: readonly ExportedSummary[], exportedBy: string, day: string): Promise<Uint8Array> {
  return layoutsToDocx({
    title: t('export.docTitle', { ref: c.ref }) + (c.fictional ? ` — ${t('summary.fictional')}` : ''),
    subtitle: t('export.docSubtitle', { name: exportedBy, date: day, count: summaries.length }),
    layouts: caseLayouts(c, summaries),
    empty: t('export.noSummaries', { ref: c.ref }),
  });
}

/** The file's name: the case reference and what it holds, safe on every file system. */
export function exportFileName(ref: string, format: 'md' | 'docx'): string {
  return `seen-${ref.replace(/[^A-Za-z0-9_-]/g, '')}-summaries.${format}`;
}

/** Bytes a text takes inside a JSON activity (escapes included). */
const jsonBytes = (s: string) => Buffer.byteLength(JSON.stringify(s), 'utf8');

/** A long line in pieces of at most `maxBytes` (as JSON), split between code points. */
function cut(line: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let bytes = 2;
  for (const ch of line) {
    const size = jsonBytes(ch) - 2;
    if (piece && bytes + size > maxBytes) {
      pieces.push(piece);
      piece = '';
      bytes = 2;
    }
    piece += ch;
    bytes += size;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The Markdown as copyable text: fenced so the channel shows it as typed (with a copy button where it has one), in as
 * many messages as `maxBytes` needs, split between lines. The fence is longer than any run of backticks in the text.
 */
export function copyableParts(markdown: string, maxBytes: number): string[] {
  const longest = Math.max(2, ...[...markdown.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const wrap = (body: string) => `${fence}markdown\n${body}\n${fence}`;
  const parts: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) parts.push(wrap(current.join('\n')));
    current = [];
  };
  for (const line of markdown.replace(/\n+$/, '').split('\n')) {
    // A single line longer than half the budget is cut (by code points) into parts of its own, never dropped.
    if (jsonBytes(line) > maxBytes / 2) {
      flush();
      for (const piece of cut(line, maxBytes / 2)) parts.push(wrap(piece));
      continue;
    }
    if (current.length && jsonBytes(wrap([...current, line].join('\n'))) > maxBytes) flush();
    current.push(line);
  }
  flush();
  return parts;
}
