// Loads the word lists in analysis/lexicon/*.txt once, at start-up, and compiles them into regular expressions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One named list from a lexicon file: its entries, how they are matched, and the regex flags. */
export interface LexList { entries: string[]; kind: 'list' | 'word' | 'line' | 'raw'; flags: string }

const cache = new Map<string, Map<string, LexList>>();

/** Thrown when a lexicon file or list is missing or malformed: a build error, never a silent empty list. */
export class LexiconError extends Error {}

/** Parses one lexicon file: `== NAME kind flags` headers, one entry per line, `#` comments, `\` continuations. */
export function parseLexicon(text: string, file = 'lexicon'): Map<string, LexList> {
  const out = new Map<string, LexList>();
  let cur: LexList | null = null;
  let pending = '';
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (!pending && (raw.startsWith('#') || !raw.trim())) continue;
    const h = /^== (\S+) (list|word|line|raw) ?(\S*)$/.exec(raw);
    if (h && !pending) {
      cur = { entries: [], kind: h[2] as LexList['kind'], flags: h[3] === '-' ? '' : h[3] ?? '' };
      out.set(h[1]!, cur);
      continue;
    }
    if (!cur) throw new LexiconError(`${file}:${i + 1}: entry before any '== NAME' header`);
    if (raw.endsWith('\\') && !raw.endsWith('\\\\')) { pending += raw.slice(0, -1); continue; }
    cur.entries.push(pending + raw.trim());
    pending = '';
  }
  return out;
}

/** The lists of analysis/lexicon/<file>.txt, read once. */
function lists(file: string): Map<string, LexList> {
  let m = cache.get(file);
  if (!m) {
    m = parseLexicon(readFileSync(join(__dirname, `${file}.txt`), 'utf8'), `${file}.txt`);
    cache.set(file, m);
  }
  return m;
}

/** The entries of one list. */
export function list(file: string, name: string): string[] {
  const l = lists(file).get(name);
  if (!l) throw new LexiconError(`${file}.txt has no list ${name}`);
  return l.entries;
}

/** The names of the lists in a file that start with `prefix.` (e.g. every FACTOR_CUES.<id>). */
export function listNames(file: string, prefix: string): string[] {
  return [...lists(file).keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.slice(prefix.length + 1));
}

/** One list compiled into a regex: whole words (`word`), the whole line (`line`) or as written (`raw`). */
export function rx(file: string, name: string, flags?: string): RegExp {
  const l = lists(file).get(name);
  if (!l) throw new LexiconError(`${file}.txt has no list ${name}`);
  const alts = l.entries.join('|');
  const src = l.kind === 'word' ? `\\b(?:${alts})\\b` : l.kind === 'line' ? `^(?:${alts})$` : l.kind === 'raw' ? alts : `(?:${alts})`;
  return new RegExp(src, flags ?? l.flags);
}
