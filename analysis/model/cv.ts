// `npm run cv:analysis`: leave-one-set-out cross-validation of the learned layer. For each of the training sets, train on
// the others (both modes) and score the held-out one, rules alone vs rules + model, as written and with the mother by name.
import { GAP_CODES } from '../../records/practice-model';
import { scoreReadings, type EvalReport } from '../eval';
import { resultOf } from '../index';
import { findGaps } from '../steps/gaps';
import type { Ctx } from '../types';
import { MODES, TRAINING_SETS, type Mode, type RuleReading, type TrainingSet } from './dataset';
import type { FeatureOptions } from './features';
import type { TrainOptions } from './logistic';
import { applyCodeModels, applyDomainModel, parseModel, type DomainModel } from './model';
import { allReadings, CODE_MODELS, FEATURES, modelText, TRAINING, trainModel } from './train';
import { factorCv, factorGrid } from './factors-cv';
import { factorReadingsFrom } from './factors-train';

/** The rules' reading with the model's statuses, and the gaps found again from them. */
export function withModel(ctx: Ctx, model: DomainModel): Ctx {
  const next = { ...ctx, ...applyDomainModel(ctx, model) };
  const gapped = { ...next, ...findGaps(next) };
  return { ...gapped, ...applyCodeModels(gapped, model) };
}

/** One held-out set's figures in one mode: rules alone and rules + model. */
export interface Fold { set: TrainingSet; mode: Mode; rules: EvalReport; model: EvalReport }

/** Leave-one-set-out: for each set, a model trained on the other five scores it. */
export function crossValidate(readings: readonly RuleReading[], o: FeatureOptions, t: TrainOptions, codeModels = CODE_MODELS): Fold[] {
  const folds: Fold[] = [];
  for (const held of TRAINING_SETS) {
    const model = parseModel(modelText(trainModel(readings.filter((r) => r.set !== held), o, t, codeModels)));
    for (const mode of MODES) {
      const test = readings.filter((r) => r.set === held && r.mode === mode);
      const byId = new Map(test.map((r) => [r.note.label.id, r.ctx]));
      const notes = test.map((r) => r.note);
      folds.push({
        set: held, mode,
        rules: scoreReadings(notes, (n) => resultOf(byId.get(n.label.id)!)),
        model: scoreReadings(notes, (n) => resultOf(withModel(byId.get(n.label.id)!, model))),
      });
    }
  }
  return folds;
}

const f3 = (n: number) => n.toFixed(3);
const SHORT: Record<string, string> = { DOMAIN_ABSENT: 'ABS', OWN_ACCOUNT_MISSING: 'OWN', FATHER_NOT_SEEN: 'SEEN', SUBSTANCE_LEVEL_UNKNOWN: 'SUBS',
  VAGUE_REASSURANCE: 'VAGUE', CRYING_NOT_DISCUSSED: 'CRY', INFO_NOT_SOUGHT: 'INFO', FACTORS_COMBINE: 'FACT' };

/** The folds as a table: per held-out set and mode, rules then rules + model; then the means. */
export function formatFolds(folds: readonly Fold[]): string {
  const row = (name: string, r: Pick<EvalReport, 'macroF1' | 'domainAccuracy' | 'perCode'>) =>
    `${name.padEnd(30)} ${f3(r.macroF1)}  ${f3(r.domainAccuracy)} ${GAP_CODES.map((c) => f3(r.perCode[c].f1).padStart(5)).join(' ')}`;
  const lines = [`${'held-out set / mode / reader'.padEnd(30)} macro    dom  ${GAP_CODES.map((c) => SHORT[c]!.padStart(5)).join(' ')}`];
  for (const f of folds) {
    lines.push(row(`${f.set} ${f.mode === 'as_written' ? 'aw' : 'mbn'} rules`, f.rules));
    lines.push(row(`${f.set} ${f.mode === 'as_written' ? 'aw' : 'mbn'} +model`, f.model));
  }
  const mean = (fs: readonly Fold[], k: 'rules' | 'model') => ({
    macroF1: fs.reduce((a, f) => a + f[k].macroF1, 0) / fs.length,
    domainAccuracy: fs.reduce((a, f) => a + f[k].domainAccuracy, 0) / fs.length,
    perCode: Object.fromEntries(GAP_CODES.map((c) => [c, { f1: fs.reduce((a, f) => a + f[k].perCode[c].f1, 0) / fs.length }])) as EvalReport['perCode'],
  });
  for (const [name, fs] of [['mean of all folds', folds], [`mean ${NEWEST} (newest)`, folds.filter((f) => f.set === NEWEST)]] as const) {
    lines.push(row(`${name} rules`, mean(fs, 'rules')));
    lines.push(row(`${name} +model`, mean(fs, 'model')));
  }
  return lines.join('\n');
}

/** The newest training set: its fold is reported on its own, being the least tuned on. */
const NEWEST = TRAINING_SETS[TRAINING_SETS.length - 1]!;

/** The L2 strengths the grid tries. */
const L2_GRID = [0.001, 0.003, 0.01];

/** `--grid`: the candidate feature families and L2 strengths, one summary line each (mean over all folds; over the newest training set). */
function grid(readings: readonly RuleReading[]): void {
  const opts: FeatureOptions[] = [
    { words: true, bigrams: false, wordsByDomain: false, previous: false, near: false },
    { words: true, bigrams: true, wordsByDomain: false, previous: false, near: true },
    { words: true, bigrams: true, wordsByDomain: true, previous: false, near: true },
    { words: true, bigrams: true, wordsByDomain: false, previous: true, near: true },
    { words: true, bigrams: true, wordsByDomain: true, previous: true, near: true },
  ];
  for (const o of opts) {
    for (const l2 of L2_GRID) {
      const folds = crossValidate(readings, o, { ...TRAINING, l2 }, {});
      const m = (fs: readonly Fold[], k: 'rules' | 'model', x: 'macroF1' | 'domainAccuracy') => f3(fs.reduce((a, f) => a + f[k][x], 0) / fs.length);
      const ind = folds.filter((f) => f.set === NEWEST);
      process.stdout.write(`${JSON.stringify(o)} l2=${l2}: all macro ${m(folds, 'rules', 'macroF1')}→${m(folds, 'model', 'macroF1')} dom ${m(folds, 'rules', 'domainAccuracy')}→${
        m(folds, 'model', 'domainAccuracy')}; ${NEWEST} macro ${m(ind, 'rules', 'macroF1')}→${m(ind, 'model', 'macroF1')} dom ${m(ind, 'rules', 'domainAccuracy')}→${m(ind, 'model', 'domainAccuracy')}\n`);
    }
  }
}

if (require.main === module) {
  const readings = allReadings();
  if (process.argv.includes('--grid')) grid(readings);
  process.stdout.write(`cv: features ${JSON.stringify(FEATURES)}, training ${JSON.stringify(TRAINING)}\n`);
  process.stdout.write(`${formatFolds(crossValidate(readings, FEATURES, TRAINING))}\n`);
  // The per-factor models: leave one of the six sets with `_factors` out (rules alone vs rules + factor model).
  const factorSets = factorReadingsFrom(readings);
  if (process.argv.includes('--factor-grid')) process.stdout.write(`${factorGrid(factorSets)}\n`);
  process.stdout.write(`${factorCv(factorSets)}\n`);
}
