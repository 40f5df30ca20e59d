// The learned per-factor layer (analysis/model/factors.ts): its weights load or fail clearly and match their training
// inputs, a factor it adds always points at sentences of the note, and FACTORS_COMBINE counts rule and model factors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FACTOR_IDS } from '../../records/practice-model';
import { analyzeNote, readNote } from '../../analysis/index';
import { inputsHash } from '../../analysis/model/dataset';
import { applyFactorModel, FACTOR_MODEL_FILE, FactorModelFile, FactorStemsError, parseFactorModel, parseFactorStems, type FactorModel } from '../../analysis/model/factors';
import { FACTOR_CUT, FACTOR_FEATURES, FACTOR_SETS, FACTOR_TRAINING } from '../../analysis/model/factors-train';
import { ModelError } from '../../analysis/model/model';
import { findGaps } from '../../analysis/steps/gaps';

const committed = FactorModelFile.parse(JSON.parse(readFileSync(FACTOR_MODEL_FILE, 'utf8')));

describe('analysis/model/factors: the committed factor weights', () => {
  it('were trained on exactly the current training inputs (else run npm run train:analysis)', () => {
    assert.equal(committed.inputsHash, inputsHash(FACTOR_SETS));
  });
  it('use the options, regularisation and cut factors-train.ts sets, on the six sets with _factors in both modes', () => {
    assert.deepEqual(committed.options, FACTOR_FEATURES);
    assert.deepEqual(committed.train, FACTOR_TRAINING);
    assert.equal(committed.cut, FACTOR_CUT);
    assert.deepEqual(committed.trainedOn, [...FACTOR_SETS]);
    assert.deepEqual(committed.modes, ['as_written', 'mother_by_name']);
  });
  const one = JSON.stringify({ ...committed, weights: Object.fromEntries(FACTOR_IDS.map((id) => [id, { bias: [0, 0] }])) });
  const rows: Array<[string, string, RegExp]> = [
    ['not JSON', '{"version": 1,', /not JSON/],
    ['a weight triple', one.replace('"bias":[0,0]', '"bias":[0,0,1]'), /expected 2 finite weights/],
    ['a cut of 1', JSON.stringify({ ...committed, cut: 1 }), /cut/],
    ['a factor missing', JSON.stringify({ ...committed, weights: { childhood_adversity: {} } }), /weights/],
  ];
  for (const [what, text, msg] of rows) {
    it(`refuses a file with ${what}`, () => {
      assert.throws(() => parseFactorModel(text, 'x.json'), (e: unknown) => e instanceof ModelError && msg.test(e.message) && e.cause !== undefined);
    });
  }
  it('refuses a word-list line that is not "factor: word"', () => {
    assert.throws(() => parseFactorStems('anger: temper'), FactorStemsError);
    assert.deepEqual(parseFactorStems('# x\n\nmental_ill_health: low mood\n').mental_ill_health, [['low', 'mood']]);
  });
});

describe('analysis/model/factors: a factor the model adds has sentences to point at', () => {
  // A model that says yes to every factor, with one word of weight: only a sentence about him with that word can carry it.
  const forcing = (word: string): FactorModel => ({ options: FACTOR_FEATURES, cut: 0.5,
    weights: Object.fromEntries(FACTOR_IDS.map((id) => [id, new Map([['bias', [0, 5]], [`w:${word}`, [-1, 1]]])])) as FactorModel['weights'] });
  it('adds no factor when no sentence about him pushes it up', () => {
    const ctx = readNote({ text: 'Visited. Baby was asleep in her cot. The flat was warm.', name: 'Dean' }, ['model-factors']);
    assert.deepEqual(applyFactorModel(ctx, forcing('zebra')), {});
  });
  it('points at the sentence that pushed it up, and keeps the rules\' factors', () => {
    const text = 'Visited Dean at home. Baby was asleep. Dean said he found the last month hard going.';
    const ctx = readNote({ text, name: 'Dean' }, ['model-factors']);
    const { facts } = applyFactorModel(ctx, forcing('hard'));
    for (const f of facts!.factors) {
      assert.ok(f.evidence.length > 0, f.id);
      for (const e of f.evidence) assert.ok(text.includes(e), e);
    }
    const added = facts!.factors.filter((f) => !ctx.facts.factors.some((r) => r.id === f.id));
    assert.ok(added.length > 0);
    for (const f of added) assert.deepEqual(f.evidence, ['Dean said he found the last month hard going.']);
    assert.deepEqual(facts!.factors.map((f) => f.id), FACTOR_IDS.filter((id) => facts!.factors.some((f) => f.id === id)), 'in the practice model\'s order');
  });
  it('FACTORS_COMBINE counts the factors the model added', () => {
    const ctx = readNote({ text: 'Visited Dean at home. Dean said he found the last month hard going.', name: 'Dean' }, ['model-factors']);
    const next = { ...ctx, ...applyFactorModel(ctx, forcing('hard')) };
    assert.equal(findGaps(next).gaps!.some((g) => g.code === 'FACTORS_COMBINE'), true);
  });
});

describe('analysis: FACTORS_COMBINE on invented notes (rules + factor model)', () => {
  const rows: Array<[string, string, boolean]> = [
    ['three factors stated indirectly (care history, a community order for assaulting an ex-partner, money)',
      'Home visit to see Dean and baby. Dean told me he grew up in foster placements after his parents could not look after him. ' +
      'He is on a community order for an assault on an ex-partner. He said money is very tight since he was laid off and the rent is behind.', true],
    ['one factor (out of work) and nothing else',
      'Home visit to see Dean and baby. Dean told me he has been out of work since the summer and is looking for jobs. He feeds baby at night and changes her.', false],
  ];
  for (const [what, text, combine] of rows) {
    it(what, () => {
      const r = analyzeNote({ text, name: 'Dean' });
      assert.equal(r.gaps.some((g) => g.code === 'FACTORS_COMBINE'), combine);
      for (const f of r.facts.factors) assert.ok(f.evidence.length > 0 && f.evidence.every((e) => text.includes(e)), f.id);
    });
  }
});
