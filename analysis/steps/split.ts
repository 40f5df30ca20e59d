// Step: split the note into sentences and bullet / "Heading: text" lines, and those into clauses.
import nlp from 'compromise';
import { DOMAIN_CUES, HEADING_DOMAINS } from '../lexicon/domains';
import { words } from '../lexicon/util';
import type { Clause, Ctx, Sentence } from '../types';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';

const BULLET = /^\s*(?:[-*•·–—>]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;
// A colon between digits is a time ("14:10"), not a heading.
const HEADING = /^([A-Za-z][A-Za-z0-9 /&'’()+-]{0,40}?)\s*(?:(?<!\d):|:(?!\d)|[–—])\s*(.*)$/;
const HAS_INNER_STOP = /[.!?]["'”’)]?\s+\S/;
const CLAUSE_SPLIT = new RegExp(
  String.raw`\s*;\s*|\s+(?:but|whereas|although|though|however)\s+|,\s*(?:and\s+)?(?=(?:he|she|` +
  String.raw`they|mum|dad|i|we)\b)|\s+and\s+(?=(?:he|she|they|mum|dad|i|we)\b)`,
  'i',
);
const HEADING_DOMAIN_RX = Object.entries(HEADING_DOMAINS).map(([d, alts]) => [d as DomainId, new RegExp(`^(?:${alts.join('|')})(?:\\s*\\(.*\\))?$`,
  'i')] as const);

/** A heading about him: "his …", "dad's …", "father's …". */
export const HIS_HEADING = /^(?:his|dad's|father's|f\/o's)\s/i;
const CUE_RX = Object.fromEntries(DOMAIN_IDS.map((d) => [d, new RegExp(`\\b(?:${DOMAIN_CUES[d].join('|')})\\b`, 'i')])) as Record<DomainId, RegExp>;

/** Domains a heading names ("Drugs", "Mental health"). */
export function headingDomains(heading: string | null): DomainId[] {
  if (!heading) return [];
  const h = heading.trim().toLowerCase();
  const out: DomainId[] = [];
  for (const [d, rx] of HEADING_DOMAIN_RX) if (rx.test(h)) out.push(d);
  if (!out.length && HIS_HEADING.test(h)) {
    // "his calm-down plan:", "dad's work:": a heading about him that names a domain in its cue words.
    for (const d of DOMAIN_IDS) if (CUE_RX[d].test(h)) out.push(d);
  }
  if (!out.length) {
    // "Dad's drinking", "Alcohol and drugs": any domain word inside a short heading.
    for (const [d, alts] of Object.entries(HEADING_DOMAINS)) if (words(alts, 'i').test(h)) out.push(d as DomainId);
  }
  return out;
}

/** Splits a text line into sentences with compromise's tokenizer, only when it has an inner full stop. */
function lineSentences(line: string): string[] {
  if (!HAS_INNER_STOP.test(line)) return [line];
  // A pasted wall of text: split at full stops before a capital, which is linear, rather than tokenising it whole.
  if (line.length > 4000) return line.split(/(?<=[.!?]["')]?)\s+(?=["'(]?[A-Z0-9])/).map((x) => x.trim()).filter(Boolean);
  return (nlp.tokenize(line).json({ text: true }) as Array<{ text: string }>).map((s) => s.text.trim()).filter(Boolean);
}

/** Splits the note into sentences, keeping each line's heading. */
export function splitSentences(ctx: Ctx): Partial<Ctx> {
  const sentences: Sentence[] = [];
  let blockHeading: string | null = null;
  let lineStart = 0;
  for (const raw of ctx.text.split('\n')) {
    const rawStart = lineStart;
    lineStart += raw.length + 1;
    const line = raw.replace(BULLET, '').trim();
    if (!line) { blockHeading = null; continue; }
    const h = HEADING.exec(line);
    let heading = blockHeading;
    let body = line;
    if (h && !/^(?:he|she|they|i|we|mum|dad)\s+(?:said|says|told|explained)/i.test(h[1]!)) {
      if (!h[2]!.trim()) { blockHeading = h[1]!.trim(); continue; }
      heading = h[1]!.trim();
      body = h[2]!.trim();
    } else if (!BULLET.test(raw) && blockHeading && /[.!?]$/.test(line) && line.split(' ').length > 25) {
      blockHeading = null;
      heading = null;
    }
    const bodyStart = rawStart + raw.indexOf(body);
    let at = 0;
    for (const s of lineSentences(body)) {
      const i = body.indexOf(s, at);
      at = i < 0 ? at : i + s.length;
      sentences.push({ index: sentences.length, text: heading && s === body ? `${heading}: ${s}` : s, heading, start: i < 0 ? -1 : bodyStart + i });
    }
  }
  return { sentences };
}

/** Splits each sentence into clauses at semicolons, "but", and a new subject after "and"/comma. */
export function splitClauses(ctx: Ctx): Partial<Ctx> {
  const clauses: Clause[] = [];
  for (const s of ctx.sentences) {
    const body = s.heading && s.text.startsWith(`${s.heading}: `) ? s.text.slice(s.heading.length + 2) : s.text;
    const parts = body.split(CLAUSE_SPLIT).filter((p) => p && p.trim());
    const hd = headingDomains(s.heading);
    const cs: Clause[] = parts.map((p) => ({
      text: p, lower: p.toLowerCase(), tokens: [], sentence: s.index, mentions: [], subject: 'unknown', mentionsHim: false,
      source: 'none', plan: false, negated: false, vague: false, headingDomains: hd,
    }));
    clauses.push(...cs);
  }
  return { clauses };
}
