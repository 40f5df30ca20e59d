// `npm run train:analysis`: retrains the learned layer on the six training sets (both modes) and writes analysis/model/domains.json.
import { writeFileSync } from 'node:fs';
import { examplesOf, inputsHash, MODES, readSet, TRAINING_SETS, type RuleReading } from './dataset';
import type { FeatureOptions } from './features';
import { train, type TrainOptions } from './logistic';
import { MODEL_FILE, STATUS_CLASSES, type ModelFile } from './model';

/** Feature families and regularisation, chosen by leave-one-set-out cross-validation (`npm run cv:analysis`; see README.md). */
export const FEATURES: FeatureOptions = { words: true, bigrams: true, wordsByDomain: false, previous: false, near: true };
export const TRAINING: TrainOptions = { l2: 0.003, iterations: 300, rate: 0.05, minCount: 2 };

/** The weights file trained on these readings. */
export function trainModel(readings: readonly RuleReading[], o: FeatureOptions = FEATURES, t: TrainOptions = TRAINING): ModelFile {
  const w = train(examplesOf(readings, o), STATUS_CLASSES.length, t);
  const weights: ModelFile['weights'] = {};
  for (const k of [...w.keys()].sort()) weights[k] = w.get(k) as [number, number, number];
  return {
    version: 1,
    trainedOn: [...new Set(readings.map((r) => r.set))],
    modes: [...new Set(readings.map((r) => r.mode))],
    inputsHash: inputsHash(),
    options: o,
    train: t,
    classes: [...STATUS_CLASSES],
    weights,
  };
}

/** The weights file's text as committed: keys sorted, one feature per line. */
export function modelText(m: ModelFile): string {
  const { weights, ...head } = m;
  const lines = Object.entries(weights).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** Reads all six sets in both modes with the rules alone. */
export function allReadings(): RuleReading[] {
  return TRAINING_SETS.flatMap((s) => MODES.flatMap((m) => readSet(s, m)));
}

if (require.main === module) {
  const m = trainModel(allReadings());
  writeFileSync(MODEL_FILE, modelText(m));
  process.stdout.write(`train: ${Object.keys(m.weights).length} features written to ${MODEL_FILE}\n`);
}
