// Benchmark: time to analyse a 1,000-word note vs one bare compromise parse of the same text, and the ratio (≤ 1.5×).
import nlp from 'compromise';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeNote } from '../analysis';

/** The budget (issue 19): analysis at most 1.5× a bare compromise parse of the same note. */
export const MAX_RATIO = 1.5;

const dir = join(__dirname, '..', 'analysis', 'corpus', 'original');
let text = '';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
for (let i = 0; text.split(/\s+/).filter(Boolean).length < 1000; i++) text += `${readFileSync(join(dir, files[i % files.length]!), 'utf8')}\n`;
text = text.split(/(\s+)/).slice(0, 1999).join('');

const time = (fn: () => void): number => { const a = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - a) / 1e6; };
const median = (t: number[]): number => [...t].sort((a, b) => a - b)[t.length >> 1]!;

// Interleaved runs, so a busy machine slows both sides alike; the ratio is the median of the per-pair ratios.
const parse = () => nlp(text);
const analyse = () => analyzeNote({ text, name: 'Jamie', otherNames: ['Leo'] });
for (let i = 0; i < 10; i++) { parse(); analyse(); }
const tp: number[] = [];
const ta: number[] = [];
const ratios: number[] = [];
for (let i = 0; i < 41; i++) {
  const p = time(parse);
  const a = time(analyse);
  tp.push(p); ta.push(a); ratios.push(a / p);
}
const words = text.split(/\s+/).filter(Boolean).length;
const ratio = median(ratios);
process.stdout.write([
  `words: ${words}`,
  `compromise nlp(text) median: ${median(tp).toFixed(2)} ms`,
  `analyzeNote median:          ${median(ta).toFixed(2)} ms`,
  `ratio: ${ratio.toFixed(2)}x (median of 41 interleaved pairs; target ≤ ${MAX_RATIO}x)`,
  '',
].join('\n'));
process.exitCode = ratio <= MAX_RATIO ? 0 : 1;
