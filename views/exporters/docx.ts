// Summaries as a Word document (.docx) for case files that are kept in Word: the same laid-out sections as the Markdown export.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { SummaryLayout } from './summary-view';

/** What the document holds: a heading, a line under it, and each summary's layout in turn (none: the `empty` line). */
export interface DocxContent { title: string; subtitle: string; layouts: readonly SummaryLayout[]; empty: string }

// Why: XML 1.0 cannot hold most control characters, and one pasted into a note would make Word refuse the whole file.
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A run per line of the text, so a note's line breaks stay line breaks; the library escapes <, > and &. */
function runs(text: string, bold = false): TextRun[] {
  return text.replace(XML_UNSAFE, '').split(/\r?\n/).map((line, i) => new TextRun({ text: line, bold, ...(i > 0 ? { break: 1 } : {}) }));
}

/** One summary: its title and subtitle, then each section as a heading, label/value facts and bulleted lines. */
function summaryParagraphs(layout: SummaryLayout): Paragraph[] {
  const out = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(layout.title) }),
    new Paragraph({ children: runs(layout.subtitle) }),
  ];
  for (const s of layout.sections) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(s.heading) }));
    for (const [label, value] of s.facts) out.push(new Paragraph({ children: [...runs(`${label}: `, true), ...runs(value)] }));
    for (const line of s.lines) out.push(new Paragraph({ bullet: { level: 0 }, children: runs(line) }));
  }
  return out;
}

/** Builds the .docx in memory (no I/O): a zip whose word/document.xml holds every section of every summary. */
export async function layoutsToDocx(content: DocxContent): Promise<Uint8Array> {
  const body = content.layouts.length ? content.layouts.flatMap(summaryParagraphs) : [new Paragraph({ children: runs(content.empty) })];
  const doc = new Document({
    creator: 'Seen',
    title: content.title.replace(XML_UNSAFE, ''),
    sections: [{ children: [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(content.title) }), new Paragraph({ children: runs(content.subtitle) }), ...body] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
