// Step: compromise's parse of the whole note, once (tags, tense, negation, names, quotations), shared out to clauses.
import nlp from 'compromise';
import type { Clause, Ctx, Tok } from '../types';

interface Term { text: string; normal?: string; tags: Set<string> }

/** compromise's terms for a text, with character offsets into it. */
export function parseText(text: string): Tok[] {
  const out: Tok[] = [];
  let at = 0;
  for (const sentence of nlp(text).docs as Term[][]) {
    for (const t of sentence) {
      if (!t.text) continue;
      const start = text.indexOf(t.text, at);
      if (start < 0) continue;
      at = start + t.text.length;
      out.push({ start, end: at, text: t.text, normal: t.normal ?? t.text.toLowerCase(), tags: t.tags });
    }
  }
  return out;
}

/**
 * Longest stretch of a note given to compromise (about 1,700 words; visit notes are far shorter). Past it, clauses
 * have no tokens and the word-list rules still run, so a pasted 100,000-character document stays within seconds.
 */
export const PARSE_LIMIT = 10_000;

/** Parses the note once (up to PARSE_LIMIT, cut at a line end) and gives every clause the tokens inside it. */
export function parseClauses(ctx: Ctx): Partial<Ctx> {
  const cut = ctx.text.length <= PARSE_LIMIT ? ctx.text.length : Math.max(ctx.text.lastIndexOf('\n', PARSE_LIMIT), 0) || PARSE_LIMIT;
  const toks = parseText(ctx.text.slice(0, cut));
  let k = 0;
  let sentence = -1;
  let at = 0;
  const clauses: Clause[] = ctx.clauses.map((c) => {
    const s = ctx.sentences[c.sentence]!;
    if (c.sentence !== sentence) { sentence = c.sentence; at = s.start; }
    const start = s.start < 0 ? -1 : ctx.text.indexOf(c.text, at);
    if (start < 0) return c;
    at = start + c.text.length;
    while (k < toks.length && toks[k]!.start < start) k++;
    const tokens: Tok[] = [];
    for (let j = k; j < toks.length && toks[j]!.end <= at; j++) tokens.push({ ...toks[j]!, start: toks[j]!.start - start, end: toks[j]!.end - start });
    return { ...c, tokens };
  });
  return { clauses };
}
