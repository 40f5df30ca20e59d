// views/budget.ts: free text cut with "… (full text in the record)", and the first clip length whose result fits.
import assert from 'node:assert/strict';
import { clip, clipLayout, CLIP_STEPS, fitToBudget, jsonBytes } from '../../views/budget';
import { layoutToMarkdown } from '../../views/exporters/markdown';
import { t } from '../../prompts';
import { largestDraft } from '../../bench/largest-cards';
import { layoutSummary } from '../../views/exporters/summary-view';

const MORE = t('common.clipped');

describe('views: the size budget', () => {
  const clips: Array<[string, string, number, string]> = [
    ['short text', 'He said yes.', 20, 'He said yes.'],
    ['text exactly at the limit', 'abcde', 5, 'abcde'],
    ['longer text', 'abcdef ghij', 6, `abcdef ${MORE}`],
    ['trailing space before the cut', 'abc   defgh', 5, `abc ${MORE}`],
    ['an emoji across the cut', 'ab😀cd', 3, `ab ${MORE}`],
  ];
  for (const [what, input, max, expected] of clips) it(`clip: ${what}`, () => assert.equal(clip(input, max), expected));

  it('fitToBudget takes the longest clip length that fits, and the shortest when none does', () => {
    const build = (n: number) => 'x'.repeat(n);
    assert.equal(fitToBudget(build, 10_000).length, CLIP_STEPS[0]);
    assert.equal(fitToBudget(build, 400).length, 300);
    assert.equal(fitToBudget(build, 10).length, CLIP_STEPS.at(-1));
  });

  it('a review of eight 20,000-character topics as chat text fits 100 KB once cut, and the cut says where the rest is', () => {
    const layout = layoutSummary(largestDraft(), { manName: 'Dan', manRole: 'birth_father', fictional: true });
    assert.ok(jsonBytes(layoutToMarkdown(layout)) > 1_000_000, 'whole, it is over 1 MB');
    const text = fitToBudget((n) => layoutToMarkdown(clipLayout(layout, n)), 97_000);
    assert.ok(jsonBytes(text) <= 97_000, `${jsonBytes(text)} bytes`);
    assert.ok(text.includes(MORE.replace(/[()]/g, '')) || text.includes('full text in the record'));
  });
});
