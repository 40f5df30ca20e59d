// The factor model's probability cut, read off sets whose wording the rules were not tuned on. A cut chosen by CV over the
// tuning sets is too strict: there the rules already find nearly every factor, so any factor the model adds looks wrong.
// `npm run cuts:analysis -- [--train SET,SET,...] SET...` prints FACTORS_COMBINE per cut, pooled over the sets and both modes.
import { z } from 'zod';
import { SETS, type SetName } from '../corpus';
import { MODES, readSet, type RuleReading } from './dataset';
import { withFactorModel } from './factors-cv';
import { parseFactorModel, shippedFactorModel, type FactorModel } from './factors';
import { factorModelText, trainFactorModel } from './factors-train';

/** The candidate cuts. */
export const CUTS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7] as const;

/** FACTORS_COMBINE counts at one cut. */
export interface CutRow { cut: number; tp: number; fp: number; fn: number; f1: number }

/** For each cut, FACTORS_COMBINE over the readings with the model's added factors (gaps found again). */
export function sweepCuts(readings: readonly RuleReading[], model: FactorModel, cuts: readonly number[] = CUTS): CutRow[] {
  return cuts.map((cut) => {
    const m = { ...model, cut };
    let tp = 0, fp = 0, fn = 0;
    for (const r of readings) {
      const got = withFactorModel(r.ctx, m).gaps.some((g) => g.code === 'FACTORS_COMBINE');
      const want = r.note.label.gaps.includes('FACTORS_COMBINE');
      if (got && want) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    return { cut, tp, fp, fn, f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0 };
  });
}

const SetList = z.array(z.enum(Object.keys(SETS) as [SetName, ...SetName[]])).min(1);

/** Parses `[--train a,b] SET...`: the sets to read and, optionally, the sets to train a fresh factor model on. */
export function parseCutArgs(args: readonly string[]): { on: SetName[]; train?: SetName[] } {
  const i = args.indexOf('--train');
  const train = i >= 0 ? SetList.parse((args[i + 1] ?? '').split(',').filter(Boolean)) : undefined;
  const on = SetList.parse(args.filter((_, j) => i < 0 || (j !== i && j !== i + 1)));
  const overlap = train?.filter((s) => on.includes(s)) ?? [];
  if (overlap.length) throw new Error(`cuts: ${overlap.join(', ')} both trained on and read; a cut read off training sets is too strict`);
  return train ? { on, train } : { on };
}

if (require.main === module) {
  try {
    const { on, train } = parseCutArgs(process.argv.slice(2));
    const read = (sets: readonly SetName[]) => sets.flatMap((s) => MODES.flatMap((m) => readSet(s, m)));
    const model = train ? parseFactorModel(factorModelText(trainFactorModel(read(train)))) : shippedFactorModel();
    process.stdout.write(`factor model: ${train ? `trained on ${train.join(', ')}` : 'committed factors.json'}; read: ${on.join(', ')} (both modes)\n`);
    process.stdout.write('cut    tp   fp   fn     f1\n');
    for (const r of sweepCuts(read(on), model)) {
      process.stdout.write(`${r.cut.toFixed(2)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${r.f1.toFixed(3)}\n`);
    }
  } catch (err) {
    process.stderr.write(`cuts: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
