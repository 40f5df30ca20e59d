// Step before reading: expand practitioners' abbreviations and mend dropped g's and misspellings of lexicon words.
import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import { PorterStemmer } from 'natural/lib/natural/stemmers';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { list } from '../lexicon/load';
import { escapeRx } from '../lexicon/util';

const LEX_DIR = join(__dirname, '..', 'lexicon');

/** Every plain word (4+ letters) written in the lexicon files: what a note's words are mended towards. */
function lexiconWords(): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(LEX_DIR).filter((x) => x.endsWith('.txt'))) {
    const body = readFileSync(join(LEX_DIR, f), 'utf8').split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('=='));
    for (const l of body) for (const w of l.toLowerCase().replace(/\\[a-z]/g, ' ').match(/[a-z]{4,}/g) ?? []) out.add(w);
  }
  return out;
}

const VOCAB = new Set([...lexiconWords(), ...list('spelling', 'NOT_MISSPELT')]);
/** Porter stems of the lexicon's words: "drinkin" → "drinking" is kept only when "drink" is a lexicon stem. */
const STEMS = new Set([...VOCAB].map((w) => PorterStemmer.stem(w)));
/** Correction targets (KEYWORDS) by their first two letters, so each unknown word is compared with a handful only. */
const TARGETS = new Map<string, string[]>();
for (const w of list('spelling', 'KEYWORDS')) {
  const k = w.slice(0, 2);
  TARGETS.set(k, [...(TARGETS.get(k) ?? []), w]);
}

const ABBREV = list('spelling', 'ABBREVIATIONS').map((l) => l.split(/\s*=\s*/) as [string, string]);
const ABBREV_RX = new RegExp(`(?<![\\w/])(?:${ABBREV.map(([a]) => escapeRx(a)).join('|')})(?![\\w/])`, 'gi');
const ABBREV_MAP = new Map(ABBREV.map(([a, b]) => [a.toLowerCase(), b]));

/** Closest keyword for an unknown word when Jaro–Winkler similarity is at least 0.95 (a typo, not another word). */
export function mendWord(w: string): string {
  if (w.length < 5 || VOCAB.has(w)) return w;
  // Dropped g: "drinkin", "cryin", "sleepin".
  if (w.endsWith('in') && STEMS.has(PorterStemmer.stem(`${w}g`))) return `${w}g`;
  if (w.length < 6) return w;
  let best = w;
  let score = 0.95;
  for (const t of TARGETS.get(w.slice(0, 2)) ?? []) {
    if (Math.abs(t.length - w.length) > 1 || t === w) continue;
    const s = JaroWinklerDistance(w, t, {});
    if (s > score) { score = s; best = t; }
  }
  return best;
}

/** The note with abbreviations expanded and lower-case lexicon words mended; names and capitalised words untouched. */
export function mendSpelling(text: string): string {
  return text
    .replace(ABBREV_RX, (m) => ABBREV_MAP.get(m.toLowerCase()) ?? m)
    // "£50/wk", "2/day": a rate written with a slash.
    .replace(/(\d)\s*\/\s*(wk|week|day|night|month)\b/gi, (_, d: string, u: string) => `${d} a ${u.toLowerCase() === 'wk' ? 'week' : u}`)
    .replace(/\b[a-z]{5,}\b/g, (w) => mendWord(w));
}
