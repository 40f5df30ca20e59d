// The cut sweep that sets the factor model's probability cut: argument checks, and counts that behave as a sweep must.
import assert from 'node:assert/strict';
import { CUTS, parseCutArgs, sweepCuts } from '../../analysis/model/factor-cuts';
import { readSet } from '../../analysis/model/dataset';
import { shippedFactorModel } from '../../analysis/model/factors';

describe('analysis/model/factor-cuts', () => {
  const rows: Array<[string[], { on: string[]; train?: string[] } | RegExp]> = [
    [['sealed8', 'sealed9'], { on: ['sealed8', 'sealed9'] }],
    [['--train', 'sealed2,sealed3', 'sealed8'], { on: ['sealed8'], train: ['sealed2', 'sealed3'] }],
    [['--train', 'sealed2,sealed8', 'sealed8'], /both trained on and read/],
    [['sealed99'], /Invalid option/],
    [[], /Too small|too_small|>=1/],
  ];
  for (const [args, want] of rows) {
    it(`${args.join(' ') || '(no sets)'} → ${want instanceof RegExp ? want : JSON.stringify(want)}`, () => {
      if (want instanceof RegExp) assert.throws(() => parseCutArgs(args), want);
      else assert.deepEqual(parseCutArgs(args), want);
    });
  }

  it('a higher cut never finds more: positives fixed, true positives non-increasing', function () {
    this.timeout(60_000);
    const rows = sweepCuts(readSet('heldout', 'as_written'), shippedFactorModel(), [...CUTS, 0.999]);
    const positives = rows.map((r) => r.tp + r.fn);
    assert.ok(positives.every((p) => p === positives[0] && p > 0), `positives ${positives.join(', ')}`);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i]!.tp + rows[i]!.fp <= rows[i - 1]!.tp + rows[i - 1]!.fp, `cut ${rows[i]!.cut}`);
  });
});
