// The learned layer's training data: the rules' reading of every labelled note in the training sets, in both modes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_IDS } from '../../records/practice-model';
import { loadCorpus, SETS, type LoadedNote, type SetName } from '../corpus';
import { noteInput } from '../eval';
import { readNote } from '../index';
import type { Ctx } from '../types';
import { codeFeatures, type NoteCode } from './codes';
import { domainFeatures, type FeatureOptions } from './features';
import type { Example } from './logistic';
import { STATUS_CLASSES } from './model';

/** The only sets the model may learn from (sealed7 joined in round 9, sealed8–10 in round 10); the independent sets sealed11–13 are the lead's test and are never read here. */
export const TRAINING_SETS = ['original', 'heldout', 'varied', 'sealed', 'sealed2', 'sealed3', 'sealed4', 'sealed5', 'sealed6', 'sealed7', 'sealed8', 'sealed9', 'sealed10'] as const;
export type TrainingSet = (typeof TRAINING_SETS)[number];

/** How a note is fed: as written, or with the mother called by her first name (issue 19's second run). */
export const MODES = ['as_written', 'mother_by_name'] as const;
export type Mode = (typeof MODES)[number];

/** One labelled note read by the rules alone, in one mode. */
export interface RuleReading { set: SetName; mode: Mode; note: LoadedNote; ctx: Ctx }

/** The pipeline steps that are the learned layer: training and cross-validation read the notes without them. */
export const LEARNED_STEPS = ['model', 'model-factors', 'model-codes'] as const;

/** Reads every note of a training set with the rules alone (the model steps skipped). */
export function readSet(set: SetName, mode: Mode): RuleReading[] {
  return loadCorpus(SETS[set]).map((note) => ({ set, mode, note, ctx: readNote(noteInput(note, { motherByName: mode === 'mother_by_name' }), LEARNED_STEPS) }));
}

/** The per-note examples for one gap code: the rules' facts and words, and whether the label lists the code. */
export function codeExamplesOf(readings: readonly RuleReading[], code: NoteCode, noteWords: boolean): Example[] {
  return readings.map((r) => ({ x: codeFeatures(r.ctx, code, noteWords), y: r.note.label.gaps.includes(code) ? 1 : 0 }));
}

/** The (note, domain) examples of some readings: the rules' features and the label's status. */
export function examplesOf(readings: readonly RuleReading[], o: FeatureOptions): Example[] {
  const out: Example[] = [];
  for (const r of readings) {
    for (const d of DOMAIN_IDS) {
      const x = domainFeatures(r.ctx, d, o);
      if (x) out.push({ x, y: STATUS_CLASSES.indexOf(r.note.label.domains[d] ?? 'absent') });
    }
  }
  return out;
}

const ROOT = join(__dirname, '..');
/** The files training reads or runs: the training sets' notes and labels, the rules (steps, lexicons) and the layer's own code. */
export function trainingInputs(sets: readonly SetName[] = TRAINING_SETS): string[] {
  const files = (dir: string, ok: (f: string) => boolean) => readdirSync(join(ROOT, dir)).filter(ok).sort().map((f) => join(dir, f));
  return [
    ...sets.flatMap((s) => files(join('corpus', s), (f) => f.endsWith('.txt') || f === 'labels.json')),
    ...files('steps', (f) => f.endsWith('.ts')),
    ...files('lexicon', (f) => f.endsWith('.ts') || f.endsWith('.txt')),
    ...files('model', (f) => (f.endsWith('.ts') && f !== 'cv.ts' && f !== 'factors-cv.ts') || f.endsWith('.txt')),
    'corpus.ts', 'index.ts', 'pipeline.ts', 'types.ts',
  ];
}

/** SHA-256 over the training inputs' names and contents: recorded beside the weights, checked by a fast test. */
export function inputsHash(sets: readonly SetName[] = TRAINING_SETS): string {
  const h = createHash('sha256');
  for (const f of trainingInputs(sets)) h.update(`${f}\n`).update(readFileSync(join(ROOT, f))).update('\n');
  return h.digest('hex');
}
