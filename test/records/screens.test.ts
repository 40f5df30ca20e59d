// AUDIT-C and CUDIT-R scoring: published totals and bands as tables, band edges, and invalid answers refused.
import assert from 'node:assert/strict';
import { ZodError } from 'zod';
import { BANDS, ITEM_SCORES, bandFor, scoreAuditC, scoreCuditR, screenFor, screenLevel } from '../../records/screens';

describe('records/screens', () => {
  describe('AUDIT-C (UK bands)', () => {
    // [option indexes for items 1–3, total, band]
    const cases: [number[], number, string][] = [
      [[0, 0, 0], 0, 'lower risk'],
      [[1, 1, 2], 4, 'lower risk'],
      [[1, 2, 2], 5, 'increasing risk'],
      // 2–3 times a week (3), 5–6 units (2), 8+ units monthly (2)
      [[3, 2, 2], 7, 'increasing risk'],
      [[2, 3, 3], 8, 'higher risk'],
      [[4, 3, 3], 10, 'higher risk'],
      [[4, 4, 3], 11, 'possible dependence'],
      [[4, 4, 4], 12, 'possible dependence'],
    ];
    for (const [answers, score, band] of cases) {
      it(`${answers.join(',')} scores ${score}, ${band}`, () => {
        const r = scoreAuditC(answers);
        assert.deepEqual(r, { instrument: 'AUDIT-C', answers, score, band });
      });
    }
  });

  describe('CUDIT-R (Adamson et al. 2010)', () => {
    // [option indexes for items 1–8, total, band]; item 8's options score 0, 2, 4
    const cases: [number[], number[], number, string][] = [
      [[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], 0, 'below the hazardous-use threshold'],
      [[3, 1, 1, 0, 0, 0, 0, 1], [3, 1, 1, 0, 0, 0, 0, 2], 7, 'below the hazardous-use threshold'],
      [[3, 1, 1, 0, 0, 1, 0, 1], [3, 1, 1, 0, 0, 1, 0, 2], 8, 'hazardous cannabis use'],
      [[4, 2, 1, 1, 1, 0, 0, 1], [4, 2, 1, 1, 1, 0, 0, 2], 11, 'hazardous cannabis use'],
      [[4, 2, 1, 1, 0, 0, 0, 2], [4, 2, 1, 1, 0, 0, 0, 4], 12, 'possible cannabis use disorder'],
      [[4, 4, 4, 4, 4, 4, 4, 2], [4, 4, 4, 4, 4, 4, 4, 4], 32, 'possible cannabis use disorder'],
    ];
    for (const [answers, itemScores, score, band] of cases) {
      it(`${answers.join(',')} scores ${score}, ${band}`, () => {
        assert.deepEqual(scoreCuditR(answers), { instrument: 'CUDIT-R', answers: itemScores, score, band });
      });
    }
  });

  describe('invalid answers are refused', () => {
    const auditBad: [string, unknown][] = [
      ['too few', [1, 1]],
      ['too many', [1, 1, 1, 1]],
      ['negative', [0, -1, 0]],
      ['past the last option', [0, 5, 0]],
      ['not an integer', [0, 1.5, 0]],
      ['not a number', ['1', 0, 0]],
    ];
    for (const [name, answers] of auditBad) {
      it(`AUDIT-C: ${name}`, () => assert.throws(() => scoreAuditC(answers as number[]), ZodError));
    }
    const cuditBad: [string, unknown][] = [
      ['seven answers', [0, 0, 0, 0, 0, 0, 0]],
      ['item 8 has only three options', [0, 0, 0, 0, 0, 0, 0, 3]],
      ['item 1 past its last option', [5, 0, 0, 0, 0, 0, 0, 0]],
    ];
    for (const [name, answers] of cuditBad) {
      it(`CUDIT-R: ${name}`, () => assert.throws(() => scoreCuditR(answers as number[]), ZodError));
    }
  });

  describe('bands and levels', () => {
    // [instrument, total, band, level the screen points to]
    const edges: ['AUDIT-C' | 'CUDIT-R', number, string, string | undefined][] = [
      ['AUDIT-C', 4, 'lower risk', undefined],
      ['AUDIT-C', 5, 'increasing risk', 'misuse'],
      ['AUDIT-C', 7, 'increasing risk', 'misuse'],
      ['AUDIT-C', 8, 'higher risk', 'misuse'],
      ['AUDIT-C', 10, 'higher risk', 'misuse'],
      ['AUDIT-C', 11, 'possible dependence', 'dependence'],
      ['CUDIT-R', 7, 'below the hazardous-use threshold', undefined],
      ['CUDIT-R', 8, 'hazardous cannabis use', 'misuse'],
      ['CUDIT-R', 11, 'hazardous cannabis use', 'misuse'],
      ['CUDIT-R', 12, 'possible cannabis use disorder', 'dependence'],
    ];
    for (const [instrument, score, band, level] of edges) {
      it(`${instrument} ${score}: ${band}, level ${level ?? 'from the answers'}`, () => {
        assert.equal(bandFor(instrument, score), band);
        assert.equal(screenLevel({ instrument, answers: [], score, band }), level);
      });
    }

    it('every band table starts at 0 and item scores stay within 0–4', () => {
      for (const b of Object.values(BANDS)) assert.equal(b[0]!.min, 0);
      for (const items of Object.values(ITEM_SCORES)) for (const item of items) assert.ok(item.every((s) => s >= 0 && s <= 4));
    });

    it('offers AUDIT-C for alcohol, CUDIT-R for cannabis, nothing for other drugs', () => {
      assert.equal(screenFor('alcohol'), 'AUDIT-C');
      assert.equal(screenFor('cannabis'), 'CUDIT-R');
      assert.equal(screenFor('cocaine'), undefined);
    });
  });
});
