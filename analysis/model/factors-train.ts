// Training the per-factor models (analysis/model/factors.ts) on the sets whose labels record his factors, both modes.
import { FACTOR_IDS, type FactorId } from '../../records/practice-model';
import type { SetName } from '../corpus';
import { inputsHash, MODES, readSet, type RuleReading } from './dataset';
import { factorFeatures, type FactorFeatureOptions, type FactorModelFile } from './factors';
import { train, type Example, type TrainOptions } from './logistic';

/** The sets whose labels carry `_factors` (the factor ids the labeller recorded for him): the only ones the factor model learns from. */
export const FACTOR_SETS = ['sealed2', 'sealed3', 'sealed4', 'sealed5', 'sealed6', 'sealed7', 'sealed8', 'sealed9', 'sealed10'] as const satisfies readonly SetName[];

/** Feature families and regularisation, chosen by leave-one-set-out cross-validation (`npm run cv:analysis`). */
export const FACTOR_FEATURES: FactorFeatureOptions = { bigrams: true, stems: false };
export const FACTOR_TRAINING: TrainOptions = { l2: 0.01, iterations: 300, rate: 0.05, minCount: 2 };
/** The probability cut, chosen by CV over the tuning sets. On sets the rules were not tuned on a lower cut finds more
 * (`npm run cuts:analysis -- sealed8 sealed9 sealed10` at 9dc2685: FACTORS_COMBINE F1 0.542 at 0.7, 0.776 at 0.2), but
 * checked once on sealed11–13 it gained only 0.732 → 0.759, and at 0.2 single words add factors ("never hit her" as
 * domestic abuse): the factors are shown to the practitioner, so precision is kept. */
export const FACTOR_CUT = 0.7;
/** A feature whose (present − absent) weight is below this is left out of the file: CV figures were the same as with all
 * (83,530 weights) at 0.01 (63,072), but the gain was lost at 0.03 (13,254). */
export const FACTOR_PRUNE = 0.01;

/** The per-note examples of one factor: the note's features and whether the labeller recorded that factor for him. */
export function factorExamples(readings: readonly RuleReading[], id: FactorId, o: FactorFeatureOptions): Example[] {
  return readings.map((r) => ({ x: factorFeatures(r.ctx, o), y: r.note.label._factors?.includes(id) ? 1 : 0 }));
}

/** The factor weights file trained on these readings (each must come from a set with `_factors`). */
export function trainFactorModel(readings: readonly RuleReading[], o = FACTOR_FEATURES, t = FACTOR_TRAINING, cut = FACTOR_CUT): FactorModelFile {
  const missing = readings.find((r) => !r.note.label._factors);
  if (missing) throw new Error(`factor training: ${missing.set}/${missing.note.label.id} has no _factors in its label`);
  const weights = {} as FactorModelFile['weights'];
  for (const id of FACTOR_IDS) {
    const w = train(factorExamples(readings, id, o), 2, t);
    weights[id] = Object.fromEntries([...w.keys()].sort().filter((k) => k === 'bias' || Math.abs(w.get(k)![1]! - w.get(k)![0]!) >= FACTOR_PRUNE).map((k) => [k, w.get(k)!]));
  }
  return {
    version: 1,
    trainedOn: [...new Set(readings.map((r) => r.set))],
    modes: [...new Set(readings.map((r) => r.mode))],
    inputsHash: inputsHash(FACTOR_SETS),
    options: o,
    train: t,
    cut,
    weights,
  };
}

/** The factor weights file's text as committed: keys sorted, one feature per line. */
export function factorModelText(m: FactorModelFile): string {
  const { weights, ...head } = m;
  const block = (w: Record<string, number[]>) => Object.entries(w).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  const tables = FACTOR_IDS.map((id) => `    ${JSON.stringify(id)}: {\n${block(weights[id])}\n    }`);
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "weights": {\n${tables.join(',\n')}\n  }\n}\n`;
}

/** The factor sets read by the rules alone, both modes. */
export function factorReadings(): RuleReading[] {
  return FACTOR_SETS.flatMap((s) => MODES.flatMap((m) => readSet(s, m)));
}

/** The factor sets' readings, reusing those already read (the domain model's training sets) and reading the rest. */
export function factorReadingsFrom(have: readonly RuleReading[]): RuleReading[] {
  return FACTOR_SETS.flatMap((s) => MODES.flatMap((m) => {
    const got = have.filter((r) => r.set === s && r.mode === m);
    return got.length ? got : readSet(s, m);
  }));
}
