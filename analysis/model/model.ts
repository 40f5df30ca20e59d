// The learned layer: loads the trained weights (analysis/model/domains.json) and re-decides each domain's status from
// the rules' reading, keeping the sentences it rests on (never "covered" with no sentence to point at).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import type { Ctx, DomainClause, DomainResult } from '../types';
import { domainClauses, domainFeatures, type FeatureOptions } from './features';
import { argmax, scores, type Weights } from './logistic';

/** The statuses the model chooses between, in the order of each weight triple. */
export const STATUS_CLASSES = ['covered', 'secondhand', 'absent'] as const;

/** Where the committed weights are. */
export const MODEL_FILE = join(__dirname, 'domains.json');

/** The weights file: what it was trained on and with, and per feature one weight per status. */
export const ModelFile = z.object({
  version: z.literal(1),
  trainedOn: z.array(z.string()).min(1),
  modes: z.array(z.enum(['as_written', 'mother_by_name'])).min(1),
  inputsHash: z.string().regex(/^[0-9a-f]{64}$/),
  options: z.object({ words: z.boolean(), bigrams: z.boolean(), wordsByDomain: z.boolean(), previous: z.boolean(), near: z.boolean() }).strict(),
  train: z.object({ l2: z.number().nonnegative(), iterations: z.number().int().positive(), rate: z.number().positive(), minCount: z.number().int().positive() }),
  classes: z.tuple([z.literal('covered'), z.literal('secondhand'), z.literal('absent')]),
  weights: z.record(z.string(), z.tuple([z.number(), z.number(), z.number()])),
}).strict();
export type ModelFile = z.infer<typeof ModelFile>;

/** A loaded model: its feature options and weights. */
export interface DomainModel { options: FeatureOptions; weights: Weights }

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
  return { options: r.data.options, weights: new Map(Object.entries(r.data.weights)) };
}

/** Reads a weights file; a clear ModelError when it is not there. */
export function loadModel(file = MODEL_FILE): DomainModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ModelError(`no weights file at ${file}; run npm run train:analysis`, { cause: e });
  }
  return parseModel(text, file);
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
  const text = (keep: (f: DomainClause) => boolean) => [...new Set(found.filter(keep).map((f) => ctx.sentences[ctx.clauses[f.clause]!.sentence]!.text))];
  // Covered rests on his own account where the rules found one, secondhand on others' accounts; else on any counted
  // clause, and only then on the near ones (a cue the rules left out): never a status with no sentence to point at.
  for (const keep of [(f: DomainClause) => !f.near && f.direct === (status === 'covered'), (f: DomainClause) => !f.near, () => true]) {
    const ev = text(keep);
    if (ev.length) return { status, evidence: ev };
  }
  return null;
}
