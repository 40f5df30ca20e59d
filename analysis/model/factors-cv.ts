// Leave-one-set-out cross-validation of the per-factor models over the six sets with `_factors`: per-factor precision and
// recall, FACTORS_COMBINE F1 and macro F1, rules alone vs rules + factor model (`npm run cv:analysis`; `--factor-grid`).
import { FACTOR_IDS, type FactorId } from '../../records/practice-model';
import { scoreReadings } from '../eval';
import { resultOf } from '../index';
import { findGaps } from '../steps/gaps';
import type { Ctx } from '../types';
import { MODES, type Mode, type RuleReading } from './dataset';
import { applyFactorModel, parseFactorModel, type FactorFeatureOptions, type FactorModel } from './factors';
import { FACTOR_CUT, FACTOR_FEATURES, FACTOR_SETS, FACTOR_TRAINING, factorModelText, trainFactorModel } from './factors-train';
import type { TrainOptions } from './logistic';

/** The rules' reading with the factor model's added factors, and the gaps found again from them. */
export function withFactorModel(ctx: Ctx, model: FactorModel): Ctx {
  const next = { ...ctx, ...applyFactorModel(ctx, model) };
  return { ...next, ...findGaps(next) };
}

/** Counts for precision and recall. */
interface PR { tp: number; fp: number; fn: number }
const pr = (): PR => ({ tp: 0, fp: 0, fn: 0 });
const prec = (c: PR) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
const rec = (c: PR) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);

/** One reader's figures on one held-out set in one mode. */
export interface FactorScore { perFactor: Record<FactorId, PR>; combine: number; macro: number }
export interface FactorFold { set: string; mode: Mode; rules: FactorScore; model: FactorScore }

function scoreOf(test: readonly RuleReading[], read: (c: Ctx) => Ctx): FactorScore {
  const perFactor = Object.fromEntries(FACTOR_IDS.map((id) => [id, pr()])) as Record<FactorId, PR>;
  const byId = new Map<string, Ctx>();
  for (const r of test) {
    const ctx = read(r.ctx);
    byId.set(r.note.label.id, ctx);
    const got = new Set(ctx.facts.factors.map((x) => x.id));
    const want = new Set(r.note.label._factors ?? []);
    for (const id of FACTOR_IDS) {
      if (got.has(id) && want.has(id)) perFactor[id].tp++;
      else if (got.has(id)) perFactor[id].fp++;
      else if (want.has(id)) perFactor[id].fn++;
    }
  }
  const rep = scoreReadings(test.map((r) => r.note), (n) => resultOf(byId.get(n.label.id)!));
  return { perFactor, combine: rep.perCode.FACTORS_COMBINE.f1, macro: rep.macroF1 };
}

/** For each factor set, models trained on the other five (both modes) read it; one fold per set and mode, per cut. */
export function crossValidateFactors(readings: readonly RuleReading[], o: FactorFeatureOptions, t: TrainOptions, cuts: readonly number[]): Map<number, FactorFold[]> {
  const out = new Map<number, FactorFold[]>(cuts.map((c) => [c, []]));
  const rules = new Map<string, FactorScore>();
  for (const held of FACTOR_SETS) {
    const trained = trainFactorModel(readings.filter((r) => r.set !== held && (FACTOR_SETS as readonly string[]).includes(r.set)), o, t, 0.5);
    const base = parseFactorModel(factorModelText(trained));
    for (const mode of MODES) {
      const test = readings.filter((r) => r.set === held && r.mode === mode);
      const key = `${held}/${mode}`;
      if (!rules.has(key)) rules.set(key, scoreOf(test, (c) => c));
      for (const cut of cuts) {
        const model = { ...base, cut };
        out.get(cut)!.push({ set: held, mode, rules: rules.get(key)!, model: scoreOf(test, (c) => withFactorModel(c, model)) });
      }
    }
  }
  return out;
}

const f3 = (n: number) => n.toFixed(3);
const SHORT: Record<FactorId, string> = { childhood_adversity: 'child', anger_frustration: 'anger', substance_misuse: 'subst',
  domestic_abuse: 'DA', external_pressures: 'press', mental_ill_health: 'MH' };

function sum(scores: readonly FactorScore[], id: FactorId): PR {
  const c = pr();
  for (const s of scores) { c.tp += s.perFactor[id].tp; c.fp += s.perFactor[id].fp; c.fn += s.perFactor[id].fn; }
  return c;
}

/** The folds as a table: per held-out set and mode, each factor's P/R, FACTORS_COMBINE F1 and macro F1, rules then + factor model. */
export function formatFactorFolds(folds: readonly FactorFold[]): string {
  const cell = (c: PR) => `${f3(prec(c))}/${f3(rec(c))}`.padStart(11);
  const row = (name: string, per: (id: FactorId) => PR, combine: number, macro: number) =>
    `${name.padEnd(26)} ${FACTOR_IDS.map((id) => cell(per(id))).join(' ')}   ${f3(combine)}  ${f3(macro)}`;
  const lines = [`${'held-out set / mode / reader'.padEnd(26)} ${FACTOR_IDS.map((id) => `${SHORT[id]} P/R`.padStart(11)).join(' ')}    FACT  macro`];
  for (const f of folds) {
    const m = f.mode === 'as_written' ? 'aw' : 'mbn';
    lines.push(row(`${f.set} ${m} rules`, (id) => f.rules.perFactor[id], f.rules.combine, f.rules.macro));
    lines.push(row(`${f.set} ${m} +factors`, (id) => f.model.perFactor[id], f.model.combine, f.model.macro));
  }
  for (const k of ['rules', 'model'] as const) {
    const s = folds.map((f) => f[k]);
    lines.push(row(`pooled/mean ${k === 'rules' ? 'rules' : '+factors'}`, (id) => sum(s, id), s.reduce((a, x) => a + x.combine, 0) / s.length,
      s.reduce((a, x) => a + x.macro, 0) / s.length));
  }
  return lines.join('\n');
}

/** The grid the factor model's options were chosen from. */
export const FACTOR_GRID = { stems: [false, true], bigrams: [false, true], l2: [0.003, 0.01, 0.03], cuts: [0.5, 0.6, 0.7, 0.8, 0.9] } as const;

/** `--factor-grid`: one line per candidate, mean FACTORS_COMBINE F1 over the folds and the worst fold's macro F1 change. */
export function factorGrid(readings: readonly RuleReading[]): string {
  const lines: string[] = [];
  for (const stems of FACTOR_GRID.stems) for (const bigrams of FACTOR_GRID.bigrams) {
    for (const l2 of FACTOR_GRID.l2) {
      const byCut = crossValidateFactors(readings, { bigrams, stems }, { ...FACTOR_TRAINING, l2 }, FACTOR_GRID.cuts);
      for (const [cut, folds] of byCut) {
        const mean = (k: 'rules' | 'model') => folds.reduce((a, f) => a + f[k].combine, 0) / folds.length;
        const worst = Math.min(...folds.map((f) => f.model.macro - f.rules.macro));
        const lost = folds.filter((f) => f.model.macro < f.rules.macro - 1e-9).length;
        lines.push(`stems=${stems} bigrams=${bigrams} l2=${l2} cut=${cut}: FACT ${f3(mean('rules'))}→${f3(mean('model'))}, worst fold macro Δ ${worst.toFixed(3)}, folds losing macro ${lost}`);
      }
    }
  }
  return lines.join('\n');
}

/** The table for the committed choice. */
export function factorCv(readings: readonly RuleReading[]): string {
  const folds = crossValidateFactors(readings, FACTOR_FEATURES, FACTOR_TRAINING, [FACTOR_CUT]).get(FACTOR_CUT)!;
  return `factor model: features ${JSON.stringify(FACTOR_FEATURES)}, training ${JSON.stringify(FACTOR_TRAINING)}, cut ${FACTOR_CUT}\n${formatFactorFolds(folds)}`;
}
