// The labelled set: the analyser must meet its targets (macro F1 over gap codes, domain-status accuracy).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { evaluate, TARGETS } from '../../analysis/eval';

describe('analysis eval on test/fixtures/notes', () => {
  it('has at least 40 labelled notes and meets the targets', () => {
    const r = evaluate(join(__dirname, '..', 'fixtures', 'notes'));
    assert.ok(r.notes >= 40, `only ${r.notes} notes`);
    assert.ok(r.domainAccuracy >= TARGETS.domainAccuracy, `domain accuracy ${r.domainAccuracy.toFixed(3)}`);
    assert.ok(r.macroF1 >= TARGETS.macroF1, `macro F1 ${r.macroF1.toFixed(3)}`);
  });
});
