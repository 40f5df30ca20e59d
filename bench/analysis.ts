// Benchmark: median time to analyse a 1,000-word note vs one bare compromise parse of the same text, and the ratio.
import nlp from 'compromise';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeNote } from '../analysis';

const dir = join(__dirname, '..', 'analysis', 'corpus', 'original');
let text = '';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
for (let i = 0; text.split(/\s+/).filter(Boolean).length < 1000; i++) text += `${readFileSync(join(dir, files[i % files.length]!), 'utf8')}\n`;
text = text.split(/(\s+)/).slice(0, 1999).join('');

/** Median of n timed runs (ms) after warm-up. */
function median(fn: () => void, n = 41): number {
  for (let i = 0; i < 10; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const a = process.hrtime.bigint(); fn(); t.push(Number(process.hrtime.bigint() - a) / 1e6); }
  return t.sort((a, b) => a - b)[n >> 1]!;
}

const words = text.split(/\s+/).filter(Boolean).length;
const parse = median(() => nlp(text));
const analyse = median(() => analyzeNote({ text, name: 'Jamie', otherNames: ['Leo'] }));
const ratio = analyse / parse;
process.stdout.write(`words: ${words}\ncompromise nlp(text) median: ${parse.toFixed(2)} ms\nanalyzeNote median:          ${analyse.toFixed(2)} ms\nratio: ${ratio.toFixed(2)}x (target ≤ 1.5x)\n`);
process.exitCode = ratio <= 1.5 ? 0 : 1;
