// L2-regularised multinomial logistic regression on sparse features, trained by full-batch Adam: deterministic, no dependency.
import type { Features } from './features';

/** One training example: its features and the index of its class. */
export interface Example { x: Features; y: number }

/** How to train: L2 strength, Adam steps and step size, and the fewest training examples a feature must occur in. */
export interface TrainOptions { l2: number; iterations: number; rate: number; minCount: number }

/** Per-feature weights, one per class. */
export type Weights = Map<string, number[]>;

/** A feature whose every weight is below this is left out of the file: cross-validation gave the same figures without them. */
export const PRUNE = 3e-3;

/** Weights with each value rounded to 6 decimals, so a file written from them is reproduced byte for byte. */
export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Trains the model on the examples in their given order (full batch, so the order only fixes the sums' rounding). */
export function train(examples: readonly Example[], classes: number, o: TrainOptions): Weights {
  const seen = new Map<string, number>();
  for (const e of examples) for (const k of e.x.keys()) seen.set(k, (seen.get(k) ?? 0) + 1);
  const names = [...seen].filter(([k, n]) => n >= o.minCount || k === 'bias').map(([k]) => k).sort();
  const index = new Map(names.map((k, i) => [k, i]));
  const rows = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, v] of e.x) { const i = index.get(k); if (i !== undefined) { idx.push(i); val.push(v); } }
    return { idx, val, y: e.y };
  });
  const F = names.length;
  const w = new Float64Array(F * classes);
  const m = new Float64Array(F * classes);
  const v = new Float64Array(F * classes);
  const g = new Float64Array(F * classes);
  const p = new Float64Array(classes);
  const n = Math.max(rows.length, 1);
  const bias = index.get('bias');
  for (let t = 1; t <= o.iterations; t++) {
    g.fill(0);
    for (const r of rows) {
      let max = -Infinity;
      for (let k = 0; k < classes; k++) {
        let s = 0;
        for (let j = 0; j < r.idx.length; j++) s += w[r.idx[j]! * classes + k]! * r.val[j]!;
        p[k] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let k = 0; k < classes; k++) { p[k] = Math.exp(p[k]! - max); z += p[k]!; }
      for (let k = 0; k < classes; k++) {
        const d = p[k]! / z - (k === r.y ? 1 : 0);
        for (let j = 0; j < r.idx.length; j++) g[r.idx[j]! * classes + k] += (d * r.val[j]!) / n;
      }
    }
    for (let i = 0; i < F * classes; i++) {
      const reg = Math.floor(i / classes) === bias ? 0 : o.l2 * w[i]!;
      const gi = g[i]! + reg;
      m[i] = 0.9 * m[i]! + 0.1 * gi;
      v[i] = 0.999 * v[i]! + 0.001 * gi * gi;
      const mh = m[i]! / (1 - 0.9 ** t);
      const vh = v[i]! / (1 - 0.999 ** t);
      w[i] = w[i]! - (o.rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const out: Weights = new Map();
  for (const [k, i] of index) {
    const ws = Array.from({ length: classes }, (_, c) => round6(w[i * classes + c]!));
    if (ws.some((x) => Math.abs(x) >= PRUNE)) out.set(k, ws);
  }
  return out;
}

/** Class scores (unnormalised log-probabilities) for one example. */
export function scores(weights: Weights, x: Features, classes: number): number[] {
  const s = new Array<number>(classes).fill(0);
  for (const [k, val] of x) {
    const ws = weights.get(k);
    if (ws) for (let c = 0; c < classes; c++) s[c]! += ws[c]! * val;
  }
  return s;
}

/** The index of the highest score (the first on a tie, so the result is deterministic). */
export function argmax(s: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < s.length; i++) if (s[i]! > s[best]!) best = i;
  return best;
}
