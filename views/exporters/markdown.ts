// Summaries as Markdown a practitioner can paste into a case file; user text is escaped so it shows as text.
import type { Summary, SummaryDraft } from '../../records/model';
import { layoutSummary, type SummaryContext, type SummaryLayout } from './summary-view';

/** Escapes Markdown and HTML so notes like `<script>` or `[x](javascript:…)` show as typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/\r?\n/g, '  \n');
}

/** Renders a laid-out summary as Markdown. */
export function layoutToMarkdown(layout: SummaryLayout): string {
  const out = [`## ${escapeMarkdown(layout.title)}`, `_${escapeMarkdown(layout.subtitle)}_`, ''];
  for (const s of layout.sections) {
    out.push(`### ${escapeMarkdown(s.heading)}`);
    for (const [label, value] of s.facts) out.push(`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`);
    for (const line of s.lines) out.push(`- ${escapeMarkdown(line)}`);
    out.push('');
  }
  return out.join('\n');
}

/** One summary as Markdown. */
export function summaryToMarkdown(s: Summary | SummaryDraft, ctx: SummaryContext): string {
  return layoutToMarkdown(layoutSummary(s, ctx));
}
