import assert from 'node:assert/strict';
import { layoutSummary } from '../../views/exporters/summary-view';
import { summaryToMarkdown } from '../../views/exporters/markdown';
import { Summary } from '../../records/model';
import { demoDraft } from '../helpers/records';

// Issue 15 item 12: fragments joined into a sentence keep their space, and a stored summary names its author, not their id.
const stored = (over: Partial<Summary> = {}): Summary => Summary.parse({
  ...demoDraft(), summaryId: 's-1', version: 1, corrects: null, author: 'alex', createdAt: '2026-11-25T10:00:00.000Z', ...over,
});
const ctx = { manName: 'Dan', manRole: 'birth_father' as const, fictional: false };
const auditC = { substance: 'alcohol', frequency: 'weekly', amount: '6 cans', spend: '£20', level: 'misuse' as const, screen: { instrument: 'AUDIT-C' as const, answers: [3, 3, 3], score: 9, band: 'higher risk' } };

describe('views: summary wording', () => {
  const rows: Array<[string, () => string, RegExp, RegExp]> = [
    ['a correction names the version it corrects after a space', () => layoutSummary(stored({ version: 2, corrects: 1 }), ctx).subtitle, /^Version 2 \(corrects version 1\), written by/, /\d\(corrects/],
    ['a screened substance shows its score after a space', () => summaryToMarkdown(stored({ substances: [auditC] }), ctx), /level: misuse \(AUDIT-C 9, higher risk\)/, /misuse\(AUDIT-C/],
    ['the author is named by their name when it is known', () => layoutSummary(stored(), { ...ctx, authorName: 'Alex Morgan' }).subtitle, /written by Alex Morgan on 2026-11-25/, /written by alex\b/],
    ['a first version has no "corrects" and no stray space', () => layoutSummary(stored(), { ...ctx, authorName: 'Alex Morgan' }).subtitle, /^Version 1, written by/, /Version 1 ,/],
  ];
  for (const [what, render, expected, refused] of rows) {
    it(what, () => {
      const out = render();
      assert.match(out, expected);
      assert.doesNotMatch(out, refused);
    });
  }
});
