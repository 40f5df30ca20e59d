// The learned layer: loads the trained weights (analysis/model/domains.json) and re-decides each domain's status from
// the rules' reading, keeping the sentences it rests on (never "covered" with no sentence to point at).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DOMAIN_IDS, GAP_CODES, type DomainId } from '../../records/practice-model';
import type { Ctx, DomainClause, DomainResult, Gap } from '../types';
import { domainClauses, domainFeatures, type FeatureOptions } from './features';
import { argmax, scores, type Weights } from './logistic';
import { codeFeatures, NOTE_CODES, type NoteCode } from './codes';
import { gapMessage } from '../messages';

/** The statuses the model chooses between, in the order of each weight triple. */
export const STATUS_CLASSES = ['covered', 'secondhand', 'absent'] as const;

/** Where the committed weights are. */
export const MODEL_FILE = join(__dirname, 'domains.json');

/** The first feature whose weights are not `n` finite numbers, or null. */
function badWeight(rec: Record<string, unknown>, n: number): string | null {
  for (const [k, v] of Object.entries(rec)) if (!Array.isArray(v) || v.length !== n || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return k;
  return null;
}

/** Feature → weights: an object checked by badWeight in one loop (zod per entry took 50–200 ms over the file's entries). */
const WeightTable = z.custom<Record<string, number[]>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object of weights');

const TrainSchema = z.object({ l2: z.number().nonnegative(), iterations: z.number().int().positive(), rate: z.number().positive(), minCount: z.number().int().positive() });

/** The weights file: what it was trained on and with, and per feature one weight per status. */
export const ModelFile = z.object({
  version: z.literal(1),
  trainedOn: z.array(z.string()).min(1),
  modes: z.array(z.enum(['as_written', 'mother_by_name'])).min(1),
  inputsHash: z.string().regex(/^[0-9a-f]{64}$/),
  options: z.object({ words: z.boolean(), bigrams: z.boolean(), wordsByDomain: z.boolean(), previous: z.boolean(), near: z.boolean() }).strict(),
  train: TrainSchema,
  classes: z.tuple([z.literal('covered'), z.literal('secondhand'), z.literal('absent')]),
  weights: WeightTable,
  /** Per-note models for the gap codes where cross-validation showed a gain: weights for [absent, present]. */
  codes: z.partialRecord(z.enum(NOTE_CODES), z.object({
    noteWords: z.boolean(),
    train: TrainSchema,
    weights: WeightTable,
  }).strict()),
}).strict();
export type ModelFile = z.infer<typeof ModelFile>;

/** A loaded model: its feature options and weights, and the per-note code models. */
export interface DomainModel { options: FeatureOptions; weights: Weights; codes?: Partial<Record<NoteCode, { noteWords: boolean; weights: Weights }>> }

/** Thrown when the weights file is missing or malformed: a build error with its cause, never a silent rules-only reading. */
export class ModelError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelError';
  }
}

/** Parses and checks a weights file's text. */
export function parseModel(text: string, file = 'domains.json'): DomainModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ModelError(`${file} is not JSON; retrain with npm run train:analysis`, { cause: e });
  }
  const r = ModelFile.safeParse(json);
  if (!r.success) throw new ModelError(`${file} is not a weights file (${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message})`, { cause: r.error });
  const tables: Array<[string, Record<string, number[]>, number]> = [['weights', r.data.weights, 3],
    ...Object.entries(r.data.codes).map(([c, m]) => [`codes.${c}.weights`, m.weights, 2] as [string, Record<string, number[]>, number])];
  for (const [path, table, n] of tables) {
    const bad = badWeight(table, n);
    if (bad !== null) throw new ModelError(`${file} is not a weights file (${path}.${bad}: expected ${n} finite weights)`, { cause: table[bad] });
  }
  const codes = Object.fromEntries(Object.entries(r.data.codes).map(([c, m]) => [c, { noteWords: m.noteWords, weights: new Map(Object.entries(m.weights)) }]));
  return { options: r.data.options, weights: new Map(Object.entries(r.data.weights)), codes };
}

/** A weights file's text; a clear ModelError when it is not there. */
export function readWeightsFile(file: string, what = 'weights file'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ModelError(`no ${what} at ${file}; run npm run train:analysis`, { cause: e });
  }
}

/** Reads the domain weights file. */
export function loadModel(file = MODEL_FILE): DomainModel {
  return parseModel(readWeightsFile(file), file);
}

let shipped: DomainModel | null = null;
/** The committed model, read once. */
export function shippedModel(): DomainModel {
  shipped ??= loadModel();
  return shipped;
}

/** Re-decides each domain the rules counted clauses for; evidence is the sentences that support the chosen status. */
export function applyDomainModel(ctx: Ctx, model: DomainModel): Partial<Ctx> {
  const domains = { ...ctx.domains };
  for (const d of DOMAIN_IDS) domains[d] = decide(ctx, d, model) ?? ctx.domains[d];
  return { domains };
}

/** The model's status for domain d with its sentences, or null when the rules counted no clause (absent stays absent). */
function decide(ctx: Ctx, d: DomainId, model: DomainModel): DomainResult | null {
  const x = domainFeatures(ctx, d, model.options);
  if (!x) return null;
  const status = STATUS_CLASSES[argmax(scores(model.weights, x, STATUS_CLASSES.length))]!;
  if (status === 'absent') return { status, evidence: [] };
  const found = domainClauses(ctx, d, model.options);
  // When he was not seen or spoken to, covered needs a clause the rules read as his own account (issue 19): else the rules stand.
  if (status === 'covered' && ctx.facts.seen.status === 'not_seen' && !found.some((f) => f.direct)) return null;
  const text = (keep: (f: DomainClause) => boolean) => [...new Set(found.filter(keep).map((f) => ctx.sentences[ctx.clauses[f.clause]!.sentence]!.text))];
  // Covered rests on his own account where the rules found one, secondhand on others' accounts; else on any counted
  // clause, and only then on the near ones (a cue the rules left out): never a status with no sentence to point at.
  for (const keep of [(f: DomainClause) => !f.near && f.direct === (status === 'covered'), (f: DomainClause) => !f.near, () => true]) {
    const ev = text(keep);
    if (ev.length) return { status, evidence: ev };
  }
  return null;
}

/** Whether the per-note model for `code` says the gap is there. */
function present(ctx: Ctx, code: NoteCode, m: { noteWords: boolean; weights: Weights }): boolean {
  return argmax(scores(m.weights, codeFeatures(ctx, code, m.noteWords), 2)) === 1;
}

/**
 * Re-decides the note-level codes that have a model (after the gaps step). A gap is added only with something to point
 * at: SUBSTANCE_LEVEL_UNKNOWN names each substance the rules found him using (not a denial) with its sentences;
 * INFO_NOT_SOUGHT says nothing was found, so needs none.
 */
export function applyCodeModels(ctx: Ctx, model: DomainModel): Partial<Ctx> {
  let gaps = ctx.gaps;
  for (const [code, m] of Object.entries(model.codes ?? {}) as Array<[NoteCode, { noteWords: boolean; weights: Weights }]>) {
    const want = present(ctx, code, m);
    const has = gaps.some((g) => g.code === code);
    if (has && !want) gaps = gaps.filter((g) => g.code !== code);
    if (!has && want) gaps = insertInOrder(gaps, added(ctx, code));
  }
  return { gaps };
}

/** The gaps a code model adds, each with what it points at (none where there is nothing to point at). */
function added(ctx: Ctx, code: NoteCode): Gap[] {
  if (code === 'SUBSTANCE_LEVEL_UNKNOWN') {
    return ctx.facts.substances.filter((s) => s.level !== 'none').map((s) => ({ code, domain: 'substance_use' as const,
      message: gapMessage(code, { substance: s.substance.replace('_', ' ') }), evidence: s.evidence }));
  }
  if (code === 'INFO_NOT_SOUGHT') return [{ code, message: gapMessage(code) }];
  return [];
}

/** Puts added gaps where the gaps step would have: before the first gap of a later code in the practice model's table. */
function insertInOrder(gaps: readonly Gap[], add: readonly Gap[]): Gap[] {
  if (!add.length) return [...gaps];
  const rank = GAP_CODES.indexOf(add[0]!.code);
  const at = gaps.findIndex((g) => GAP_CODES.indexOf(g.code) > rank);
  return at < 0 ? [...gaps, ...add] : [...gaps.slice(0, at), ...add, ...gaps.slice(at)];
}
