// The learned per-factor layer: for each of the six combining factors, a binary logistic model over the words of the
// sentences the rules relate to him, which may add a factor the word lists missed, always with the sentences behind it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FACTOR_IDS, type FactorId } from '../../records/practice-model';
import type { Clause, Ctx, Facts } from '../types';
import { isHim } from '../steps/attribution';
import { stem, tokensOf, type Features } from './features';
import { scores, type Weights } from './logistic';
import { ModelError, readWeightsFile } from './model';

/** Where the committed factor weights are. */
export const FACTOR_MODEL_FILE = join(__dirname, 'factors.json');

/** Feature families of the factor model; chosen by leave-one-set-out cross-validation (factors-cv.ts). */
export interface FactorFeatureOptions {
  /** Adjacent word pairs as well as words. */
  bigrams: boolean;
  /** Hits of each factor's word list (factor-stems.txt) as features of every factor's model. */
  stems: boolean;
}

/** Where the factors' word lists are (data, reviewable: one "factor: word" a line). */
export const FACTOR_STEMS_FILE = join(__dirname, 'factor-stems.txt');

/** Thrown when the word list has a line that is not "factor: word". */
export class FactorStemsError extends Error {}

/** Per factor, its list's entries as stemmed token sequences (a hyphenated word also as its parts: the parser may split it). */
export function parseFactorStems(text: string): Record<FactorId, string[][]> {
  const out = Object.fromEntries(FACTOR_IDS.map((id) => [id, [] as string[][]])) as Record<FactorId, string[][]>;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([a-z_]+):\s*(.+)$/.exec(line);
    if (!m || !(FACTOR_IDS as readonly string[]).includes(m[1]!)) throw new FactorStemsError(`factor-stems.txt line ${i + 1}: expected "factor: word", got "${line}"`);
    const words = m[2]!.toLowerCase().split(/\s+/);
    const seq = (ws: string[]) => ws.map((w) => w.replace(/[^a-z0-9']/g, '')).filter(Boolean).map(stem);
    out[m[1] as FactorId].push(seq(words));
    if (m[2]!.includes('-')) out[m[1] as FactorId].push(seq(words.flatMap((w) => w.split('-'))));
  });
  return out;
}

let STEM_LISTS: Record<FactorId, string[][]> | null = null;
/** The factors' word lists, read once. */
function stemLists(): Record<FactorId, string[][]> {
  STEM_LISTS ??= parseFactorStems(readFileSync(FACTOR_STEMS_FILE, 'utf8'));
  return STEM_LISTS;
}

/** The factors whose list has an entry in these tokens. */
function listHits(toks: readonly string[]): FactorId[] {
  const lists = stemLists();
  return FACTOR_IDS.filter((id) => lists[id].some((e) => toks.some((_, j) => e.every((w, k) => toks[j + k] === w))));
}

/** The most sentences a model-added factor points at (those that contributed most). */
const MAX_EVIDENCE = 2;

const bucket = (n: number): string => (n >= 4 ? '4+' : String(n));

/** Whether a clause is one the rules relate to him: about him, naming him, or his own account; plans are not records. */
function aboutHim(c: Clause, prev: Clause | undefined): boolean {
  if (c.plan) return false;
  if (isHim(c.subject) || c.mentionsHim || c.source === 'him') return true;
  // An elided subject carries over within a sentence: "he was in care as a child; moved between placements".
  return !!prev && prev.sentence === c.sentence && !prev.plan && (isHim(prev.subject) || prev.mentionsHim) && c.subject === 'unknown';
}

/** Per clause about him: its word features (negated clauses' words kept apart, so "denies drinking" is not "drinking"). */
function clauseFeatures(ctx: Ctx, o: FactorFeatureOptions): Array<{ sentence: number; keys: string[] }> {
  const out: Array<{ sentence: number; keys: string[] }> = [];
  ctx.clauses.forEach((c, i) => {
    if (!aboutHim(c, ctx.clauses[i - 1])) return;
    const p = c.negated ? 'n:' : 'w:';
    const toks = tokensOf(ctx, c);
    const keys: string[] = [];
    for (let j = 0; j < toks.length; j++) {
      keys.push(`${p}${toks[j]}`);
      if (o.bigrams && j + 1 < toks.length) keys.push(`${p}${toks[j]}_${toks[j + 1]}`);
    }
    if (o.stems) for (const id of listHits(toks)) keys.push(`${c.negated ? 'ns' : 's'}:${id}`);
    out.push({ sentence: c.sentence, keys });
  });
  return out;
}

/** The features of one note, shared by the six models (each has its own weights): the rules' factors and the words about him. */
export function factorFeatures(ctx: Ctx, o: FactorFeatureOptions): Features {
  const f: Features = new Map([['bias', 1]]);
  const rules = ctx.facts.factors.map((x) => x.id);
  f.set(`nrule=${bucket(rules.length)}`, 1);
  for (const id of rules) f.set(`rule=${id}`, 1);
  if (ctx.facts.seen.status === 'not_seen') f.set('notSeen', 1);
  const clauses = clauseFeatures(ctx, o);
  let negated = 0;
  const hits = new Map<string, number>();
  for (const c of clauses) {
    for (const k of new Set(c.keys)) {
      f.set(k, 1);
      if (k.startsWith('n:')) negated++;
      if (k.startsWith('s:')) hits.set(k, (hits.get(k) ?? 0) + 1);
    }
  }
  for (const [k, n] of hits) f.set(`${k}=${bucket(n)}`, 1);
  f.set(`nclauses=${bucket(clauses.length > 8 ? 4 : Math.floor(clauses.length / 2))}`, 1);
  if (negated) f.set('negated', 1);
  return f;
}

/** The probability a model gives the factor (weights are [absent, present]). */
export function probability(w: Weights, x: Features): number {
  const [s0, s1] = scores(w, x, 2);
  return 1 / (1 + Math.exp(s0! - s1!));
}

const TrainSchema = z.object({ l2: z.number().nonnegative(), iterations: z.number().int().positive(), rate: z.number().positive(), minCount: z.number().int().positive() });
const WeightTable = z.custom<Record<string, number[]>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object of weights');

/** The factor weights file: what it was trained on and with, the probability cut, and per factor its weights [absent, present]. */
export const FactorModelFile = z.object({
  version: z.literal(1),
  trainedOn: z.array(z.string()).min(1),
  modes: z.array(z.enum(['as_written', 'mother_by_name'])).min(1),
  inputsHash: z.string().regex(/^[0-9a-f]{64}$/),
  options: z.object({ bigrams: z.boolean(), stems: z.boolean() }).strict(),
  train: TrainSchema,
  /** A factor the rules did not find is added when the model's probability is at least this. */
  cut: z.number().gt(0).lt(1),
  weights: z.record(z.enum(FACTOR_IDS), WeightTable),
}).strict();
export type FactorModelFile = z.infer<typeof FactorModelFile>;

/** A loaded factor model. */
export interface FactorModel { options: FactorFeatureOptions; cut: number; weights: Record<FactorId, Weights> }

/** Parses and checks a factor weights file's text. */
export function parseFactorModel(text: string, file = 'factors.json'): FactorModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ModelError(`${file} is not JSON; retrain with npm run train:analysis`, { cause: e });
  }
  const r = FactorModelFile.safeParse(json);
  if (!r.success) throw new ModelError(`${file} is not a factor weights file (${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message})`, { cause: r.error });
  for (const [id, table] of Object.entries(r.data.weights)) {
    for (const [k, v] of Object.entries(table)) {
      if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new ModelError(`${file} is not a factor weights file (weights.${id}.${k}: expected 2 finite weights)`, { cause: v });
      }
    }
  }
  const weights = Object.fromEntries(FACTOR_IDS.map((id) => [id, new Map(Object.entries(r.data.weights[id]))])) as Record<FactorId, Weights>;
  return { options: r.data.options, cut: r.data.cut, weights };
}

/** Reads a factor weights file; a clear ModelError when it is not there. */
export function loadFactorModel(file = FACTOR_MODEL_FILE): FactorModel {
  return parseFactorModel(readWeightsFile(file, 'factor weights file'), file);
}

let shipped: FactorModel | null = null;
/** The committed factor model, read once. */
export function shippedFactorModel(): FactorModel {
  shipped ??= loadFactorModel();
  return shipped;
}

/**
 * Adds the factors the rules missed where the model's probability reaches the cut. Each added factor points at the
 * sentences about him whose words pushed it up most; a factor with no such sentence is not added (never invented).
 * The rules' own factors are kept as they are (their precision is about 1.0).
 */
export function applyFactorModel(ctx: Ctx, model: FactorModel): Partial<Ctx> {
  const have = new Set(ctx.facts.factors.map((x) => x.id));
  if (have.size === FACTOR_IDS.length) return {};
  const x = factorFeatures(ctx, model.options);
  const clauses = clauseFeatures(ctx, model.options);
  const added: Facts['factors'] = [];
  for (const id of FACTOR_IDS) {
    if (have.has(id)) continue;
    const w = model.weights[id];
    if (probability(w, x) < model.cut) continue;
    // A sentence's push: the summed (present − absent) weights of its distinct word features.
    const push = new Map<number, number>();
    for (const c of clauses) {
      let s = 0;
      for (const k of new Set(c.keys)) { const v = w.get(k); if (v) s += v[1]! - v[0]!; }
      push.set(c.sentence, Math.max(push.get(c.sentence) ?? -Infinity, s));
    }
    const evidence = [...push].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_EVIDENCE)
      .sort((a, b) => a[0] - b[0]).map(([i]) => ctx.sentences[i]!.text);
    if (evidence.length) added.push({ id, evidence });
  }
  if (!added.length) return {};
  const factors = [...ctx.facts.factors, ...added].sort((a, b) => FACTOR_IDS.indexOf(a.id) - FACTOR_IDS.indexOf(b.id));
  return { facts: { ...ctx.facts, factors } };
}
