// Property tests: any string up to 100,000 characters gives a valid result and never throws (speed: bench/analysis-limits.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeNote, AnalysisResult } from '../../analysis';

describe('analyzeNote: properties', () => {
  it('any string → a zod-valid result without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), (text, name) => {
      AnalysisResult.parse(analyzeNote({ text, name }));
    }), { numRuns: 200 });
  });
  it('notes built from note-like words stay valid', () => {
    const word = fc.constantFrom('he', 'said', 'dad', 'Mum', 'drinks', '4 cans', 'every', 'night', '.', '\n', '- ', 'Drugs:', 'his father', 'cried', 'ICON', 'GP', 'not', 'will ask', 'no concerns', '£300', 'a week', 'Jamie', "'s");
    fc.assert(fc.property(fc.array(word, { maxLength: 400 }), (ws) => { AnalysisResult.parse(analyzeNote({ text: ws.join(' '), name: 'Jamie' })); }), { numRuns: 200 });
  });
  // Why no clock here: time on a shared 2-core machine is a benchmark figure (bench/analysis-limits.ts, a threshold), not a test.
  it('a 100,000-character input (random, or prose) gives a valid result without throwing', () => {
    fc.assert(fc.property(fc.string({ minLength: 100_000, maxLength: 100_000, unit: 'binary' }), (text) => {
      AnalysisResult.parse(analyzeNote({ text, name: 'Jamie' }));
    }), { numRuns: 3 });
    const prose = 'Jamie said he drinks 4 cans every night and his father hit him as a child. Mum said no concerns. '.repeat(1100).slice(0, 100_000);
    const result = AnalysisResult.parse(analyzeNote({ text: prose, name: 'Jamie' }));
    assert.notEqual(result.domains.substance_use.status, 'absent', 'a long note is still read: he said he drinks 4 cans every night');
  });
});
