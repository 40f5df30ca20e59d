// The labelled sets: the analyser must meet its targets, stay at or above the figures reached, and score as documented.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusMissingError, loadCorpus, motherByName } from '../../analysis/corpus';
import { evaluate, parseEvalArgs, SETS, TARGETS } from '../../analysis/eval';

// Floors: the figures reached on each set after the issue 19 change, minus 0.03; a regression below them fails.
// The varied dev set (68 notes written independently, issue 19) is below the 0.90/0.92 targets: its floor guards the gain.
const FLOORS = {
  original: { notes: 43, macroF1: 0.917 - 0.03, domainAccuracy: 0.948 - 0.03 },
  heldout: { notes: 25, macroF1: 0.972 - 0.03, domainAccuracy: 0.95 - 0.03 },
  varied: { notes: 68, macroF1: 0.881 - 0.03, domainAccuracy: 0.89 - 0.03 },
} as const;

// Why once: reading a set is most of this file's time, and two tests score the original set as written.
const asWritten = new Map<keyof typeof FLOORS, ReturnType<typeof evaluate>>();
const scored = (set: keyof typeof FLOORS) => asWritten.get(set) ?? asWritten.set(set, evaluate(SETS[set])).get(set)!;

describe('analysis eval on the labelled sets', () => {
  for (const [set, floor] of Object.entries(FLOORS)) {
    it(`${set}: ${floor.notes} notes, macro F1 and domain accuracy at or above the floor`, () => {
      const r = scored(set as keyof typeof FLOORS);
      assert.equal(r.notes, floor.notes);
      assert.ok(r.macroF1 >= floor.macroF1, `${set} macro F1 ${r.macroF1.toFixed(3)}`);
      assert.ok(r.domainAccuracy >= floor.domainAccuracy, `${set} domain accuracy ${r.domainAccuracy.toFixed(3)}`);
    });
  }

  it('the original set meets the targets', () => {
    const r = scored('original');
    assert.ok(r.domainAccuracy >= TARGETS.domainAccuracy, `domain accuracy ${r.domainAccuracy.toFixed(3)}`);
    assert.ok(r.macroF1 >= TARGETS.macroF1, `macro F1 ${r.macroF1.toFixed(3)}`);
  });

  it('the "mother by name" run on the varied set stays at or above the floor', () => {
    const r = evaluate(SETS.varied, { motherByName: true });
    assert.ok(r.macroF1 >= FLOORS.varied.macroF1, `macro F1 ${r.macroF1.toFixed(3)}`);
    assert.ok(r.domainAccuracy >= FLOORS.varied.domainAccuracy, `domain accuracy ${r.domainAccuracy.toFixed(3)}`);
    assert.ok(Object.keys(r.byStyle).length >= 6, 'figures per style');
  });

  it('selects the set from --set, defaulting to the original set, and refuses an unknown set or option', () => {
    assert.equal(parseEvalArgs([]).dir, SETS.original);
    assert.equal(parseEvalArgs(['--set', 'heldout', '--verbose']).dir, SETS.heldout);
    assert.equal(parseEvalArgs(['--set=heldout']).verbose, false);
    assert.equal(parseEvalArgs(['--set', 'varied', '--mother-by-name']).motherByName, true);
    assert.throws(() => parseEvalArgs(['--set', 'nope']));
    assert.throws(() => parseEvalArgs(['--mother']), /unknown option/);
  });

  it('a set that is not there (the sealed set before the lead adds it) is a clear error, not an empty score', () => {
    const empty = mkdtempSync(join(tmpdir(), 'seen-corpus-'));
    assert.throws(() => loadCorpus(empty), CorpusMissingError);
    assert.throws(() => evaluate(empty), /labels\.json missing/);
  });
});

describe('motherByName: the baby\'s mother called by her first name', () => {
  const ROWS: Array<[string, string]> = [
    ['Mum said he drinks.', 'Shannon said he drinks.'],
    ["Mum's view is that he is a good dad.", "Shannon's view is that he is a good dad."],
    ['Visit to mum and baby; MOB reports low mood.', 'Visit to Shannon and baby; Shannon reports low mood.'],
    ['Mum Shannon present.', 'Shannon present.'],
    ['the mother said no concerns', 'Shannon said no concerns'],
    // Unhappy cases: his own mother and her mother are other people and stay as written.
    ['His mum was in care.', 'His mum was in care.'],
    ['Her mother helps at weekends; maternal grandmother visits.', 'Her mother helps at weekends; maternal grandmother visits.'],
  ];
  for (const [note, want] of ROWS) it(note, () => assert.equal(motherByName(note, 'Shannon'), want));
});
