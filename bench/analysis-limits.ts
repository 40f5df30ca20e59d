// Benchmark threshold: the analyser on the longest input a message can carry (100,000 characters), median of 5 runs.
import { analyzeNote } from '../analysis';

/** The longest a note may take, in ms, on this 2-core machine; above it the benchmark exits 1. */
const THRESHOLD_MS = 2000;
const LENGTH = 100_000;

const prose = 'Jamie said he drinks 4 cans every night and his father hit him as a child. Mum said no concerns. '.repeat(1100).slice(0, LENGTH);
// Why a fixed seed: the same "random" input on every run, so figures compare; a mix of scripts, digits and surrogate pairs.
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
const ranges = [[0x20, 0x7e], [0xa0, 0x24f], [0x600, 0x6ff], [0x4e00, 0x4fff], [0x1f300, 0x1f5ff]] as const;
const random = Array.from({ length: LENGTH }, () => {
  const [lo, hi] = ranges[next() % ranges.length]!;
  return String.fromCodePoint(lo + (next() % (hi - lo + 1)));
}).join('').slice(0, LENGTH);

/** Median wall time of n runs (ms) after one warm-up. */
function median(fn: () => void, n = 5): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const a = process.hrtime.bigint(); fn(); t.push(Number(process.hrtime.bigint() - a) / 1e6); }
  return t.sort((a, b) => a - b)[n >> 1]!;
}

const rows = [['prose', median(() => analyzeNote({ text: prose, name: 'Jamie' }))], ['random text', median(() => analyzeNote({ text: random, name: 'Jamie' }))]] as const;
for (const [what, ms] of rows) process.stdout.write(`${what} (${LENGTH.toLocaleString('en-GB')} characters): median ${ms.toFixed(0)} ms (threshold ${THRESHOLD_MS} ms)\n`);
process.exitCode = rows.every(([, ms]) => ms <= THRESHOLD_MS) ? 0 : 1;
