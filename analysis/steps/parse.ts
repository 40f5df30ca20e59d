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
  let body = '';
  let inBody = 0;
  const clauses: Clause[] = ctx.clauses.map((c) => {
    const s = ctx.sentences[c.sentence]!;
    // Past the parsed stretch there are no tokens to share; searching only the sentence's own body keeps this linear.
    if (s.start < 0 || s.start >= cut) return c;
    if (c.sentence !== sentence) {
      sentence = c.sentence;
      body = s.heading && s.text.startsWith(`${s.heading}: `) ? s.text.slice(s.heading.length + 2) : s.text;
      inBody = 0;
    }
    const i = body.indexOf(c.text, inBody);
    if (i < 0) return c;
    inBody = i + c.text.length;
    const start = s.start + i;
    const at = start + c.text.length;
    while (k < toks.length && toks[k]!.start < start) k++;
    const tokens: Tok[] = [];
    for (let j = k; j < toks.length && toks[j]!.end <= at; j++) tokens.push({ ...toks[j]!, start: toks[j]!.start - start, end: toks[j]!.end - start });
    return { ...c, tokens };
  });
  return { clauses };
}
