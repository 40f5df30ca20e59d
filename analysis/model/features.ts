// The learned layer's features for one (note, domain): the rules' own reading of it, plus the words of the clauses it rests on.
import { PorterStemmer } from 'natural/lib/natural/stemmers';
import type { DomainId } from '../../records/practice-model';
import type { Clause, Ctx, DomainClause } from '../types';

/** Which feature families are on; chosen by leave-one-set-out cross-validation (analysis/model/cv.ts), stored with the weights. */
export interface FeatureOptions {
  /** Stemmed words of the clauses the rules counted. */
  words: boolean;
  /** Adjacent word pairs too. */
  bigrams: boolean;
  /** Words also crossed with the domain ("substance_use|smell"). */
  wordsByDomain: boolean;
  /** Words of the sentence before each counted clause (who was speaking, the question asked). */
  previous: boolean;
  /** Also the clauses with a cue the rules left out (someone else's, a plan's, a heading's), so a miss can be recovered. */
  near: boolean;
}

/** A sparse feature vector: feature name → value. */
export type Features = Map<string, number>;

/** Counts bucketed so a feature means "none / one / several" (log-scaled would let one long note dominate). */
const bucket = (n: number): string => (n >= 3 ? '3+' : String(n));

const STEMS = new Map<string, string>();
/** Porter stem, remembered: the same words recur in every note, and stemming was most of the layer's time. */
export function stem(w: string): string {
  let s = STEMS.get(w);
  if (s === undefined) {
    s = PorterStemmer.stem(w);
    if (STEMS.size < 100_000) STEMS.set(w, s);
  }
  return s;
}

/** A token as the model sees it: names become roles, so "Shannon said" and "Mum said" read alike; other words are stemmed. */
function tokenOf(ctx: Ctx, t: Clause['tokens'][number]): string | null {
  const w = t.normal.replace(/[^a-z0-9']/g, '');
  if (!w) return null;
  if (/^\d/.test(w)) return '<num>';
  const first = ctx.people.name.toLowerCase();
  if (w === first || ctx.people.aliases?.some((a) => a.toLowerCase() === w) || w === ctx.people.surname?.toLowerCase()) return '<him>';
  const known = ctx.people.names.get(t.text) ?? ctx.people.names.get(w);
  if (known) return `<${known}>`;
  if (t.tags.has('Person') || t.tags.has('FirstName') || (t.tags.has('ProperNoun') && /^[A-Z]/.test(t.text))) return '<name>';
  return stem(w);
}

const CLAUSE_TOKENS = new WeakMap<Clause, string[]>();
/** The clause's tokens as the model sees them (plain words where the note was too long to parse); once per clause. */
export function tokensOf(ctx: Ctx, c: Clause): string[] {
  let out = CLAUSE_TOKENS.get(c);
  if (!out) {
    out = c.tokens.length
      ? c.tokens.map((t) => tokenOf(ctx, t)).filter((x): x is string => x !== null)
      : (c.lower.match(/[a-z0-9']+/g) ?? []).map((w) => (/^\d/.test(w) ? '<num>' : stem(w)));
    CLAUSE_TOKENS.set(c, out);
  }
  return out;
}

/** Adds the words (and pairs) of `toks` under `prefix`, once each (presence, not count). */
function addWords(f: Features, prefix: string, toks: readonly string[], o: FeatureOptions, d: DomainId): void {
  for (let i = 0; i < toks.length; i++) {
    f.set(`${prefix}${toks[i]}`, 1);
    if (o.wordsByDomain) f.set(`${d}|${prefix}${toks[i]}`, 1);
    if (o.bigrams && i + 1 < toks.length) f.set(`${prefix}${toks[i]}_${toks[i + 1]}`, 1);
  }
}

/** The clauses the model weighs for domain d: those the rules counted, and the near ones when the options say so. */
export function domainClauses(ctx: Ctx, d: DomainId, o: Pick<FeatureOptions, 'near'>): DomainClause[] {
  const all = ctx.domainClauses?.[d] ?? [];
  return o.near ? all : all.filter((x) => !x.near);
}

/** The features of domain d in this note, or null when no clause has a cue for it (then it stays absent). */
export function domainFeatures(ctx: Ctx, d: DomainId, o: FeatureOptions): Features | null {
  const found = domainClauses(ctx, d, o);
  if (!found.length) return null;
  const status = ctx.domains[d].status;
  const seen = ctx.facts.seen.status;
  const f: Features = new Map();
  const on = (k: string) => f.set(k, 1);
  on('bias');
  on(`rule=${status}`);
  on(`${d}|rule=${status}`);
  on(`seen=${seen}`);
  on(`seen=${seen}|rule=${status}`);
  if (ctx.document) on('document');
  const count = new Map<string, number>();
  const inc = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  const sentences = new Set<number>();
  for (const x of found) {
    const c = ctx.clauses[x.clause]!;
    const p = x.near ? 'near:' : '';
    if (!x.near) sentences.add(c.sentence);
    inc(x.near ? 'near' : x.direct ? 'direct' : 'indirect');
    inc(`${p}src=${c.source}`);
    inc(`${p}subj=${c.subject}`);
    inc(`${p}src=${c.source}|subj=${c.subject}`);
    if (x.answer) inc('answer');
    if (c.plan) inc(`${p}plan`);
    if (c.negated) inc(`${p}negated`);
    if (c.vague) inc(`${p}vague`);
    if (c.headingDomains.includes(d)) inc(`${p}heading`);
    if (c.speaker) inc(`${p}speaker=${c.speaker}`);
    if (c.talkWith) inc(`${p}talkWith=${c.talkWith}`);
    if (!c.mentionsHim) inc(`${p}notNamed`);
    if (o.words) addWords(f, x.near ? 'nw:' : 'w:', tokensOf(ctx, c), o, d);
  }
  count.set('counted', found.filter((x) => !x.near).length);
  count.set('sentences', sentences.size);
  for (const [k, n] of count) on(`n:${k}=${bucket(n)}`);
  if (o.previous) {
    for (const s of sentences) {
      if (s === 0 || sentences.has(s - 1)) continue;
      for (const c of ctx.clauses) if (c.sentence === s - 1) addWords(f, 'p:', tokensOf(ctx, c), { ...o, bigrams: false, wordsByDomain: false }, d);
    }
  }
  return f;
}
