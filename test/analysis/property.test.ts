// Property tests: any string up to 100,000 characters gives a valid result, never throws, and stays fast.
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
  it('a 100,000-character input finishes within 2 s', () => {
    fc.assert(fc.property(fc.string({ minLength: 100_000, maxLength: 100_000, unit: 'binary' }), (text) => {
      const t = Date.now();
      AnalysisResult.parse(analyzeNote({ text, name: 'Jamie' }));
      assert.ok(Date.now() - t < 2000);
    }), { numRuns: 3 });
    const prose = 'Jamie said he drinks 4 cans every night and his father hit him as a child. Mum said no concerns. '.repeat(1100).slice(0, 100_000);
    const t = Date.now();
    analyzeNote({ text: prose, name: 'Jamie' });
    assert.ok(Date.now() - t < 2000, `took ${Date.now() - t} ms`);
  });
});
