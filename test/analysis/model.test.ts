// The learned layer (analysis/model): weights load or fail clearly, training is deterministic, the committed weights match
// their training inputs, and a status always has a sentence to point at.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMAIN_IDS, GAP_CODES } from '../../records/practice-model';
import type { NoteCode } from '../../analysis/model/codes';
import { analyzeNote, readNote } from '../../analysis/index';
import { loadCorpus, SETS } from '../../analysis/corpus';
import { inputsHash } from '../../analysis/model/dataset';
import { argmax, scores, train, type Example } from '../../analysis/model/logistic';
import { applyCodeModels, applyDomainModel, loadModel, MODEL_FILE, ModelError, ModelFile, parseModel, type DomainModel } from '../../analysis/model/model';
import { FEATURES, TRAINING } from '../../analysis/model/train';

const committed = ModelFile.parse(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
const valid = JSON.stringify({ ...committed, weights: { bias: [0, 0, 1] } });

describe('analysis/model: loading the weights', () => {
  const rows: Array<[string, string, RegExp]> = [
    ['not JSON', '{"version": 1,', /not JSON/],
    ['another version', valid.replace('"version":1', '"version":2'), /version/],
    ['a weight pair instead of a triple', valid.replace('"bias":[0,0,1]', '"bias":[0,1]'), /weights\.bias/],
    ['no options', JSON.stringify({ ...committed, options: undefined }), /options/],
    ['an unknown feature option', JSON.stringify({ ...committed, options: { ...committed.options, trigrams: true } }), /options/],
    ['a short inputs hash', JSON.stringify({ ...committed, inputsHash: 'abc' }), /inputsHash/],
  ];
  for (const [what, text, msg] of rows) {
    it(`refuses a file with ${what}`, () => {
      assert.throws(() => parseModel(text, 'x.json'), (e: unknown) => e instanceof ModelError && msg.test(e.message) && e.cause !== undefined);
    });
  }
  it('loads a well-formed file', () => {
    const m = parseModel(valid);
    assert.deepEqual([...m.weights], [['bias', [0, 0, 1]]]);
  });
  it('names the command to run when the file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seen-model-'));
    assert.throws(() => loadModel(join(dir, 'none.json')), (e: unknown) => e instanceof ModelError && /npm run train:analysis/.test(e.message));
    writeFileSync(join(dir, 'bad.json'), '[]');
    assert.throws(() => loadModel(join(dir, 'bad.json')), ModelError);
  });
});

describe('analysis/model: the committed weights', () => {
  it('were trained on exactly the current training inputs (else run npm run train:analysis)', () => {
    assert.equal(committed.inputsHash, inputsHash());
  });
  it('use the feature families and regularisation train.ts sets, on the eight allowed sets in both modes', () => {
    assert.deepEqual(committed.options, FEATURES);
    assert.deepEqual(committed.train, TRAINING);
    assert.deepEqual(committed.trainedOn, ['original', 'heldout', 'varied', 'sealed', 'sealed2', 'sealed3', 'sealed4', 'sealed5', 'sealed6', 'sealed7', 'sealed8', 'sealed9', 'sealed10']);
    assert.deepEqual(committed.modes, ['as_written', 'mother_by_name']);
  });
});

describe('analysis/model: training', () => {
  const ex = (words: string[], y: number): Example => ({ x: new Map([['bias', 1], ...words.map((w) => [w, 1] as [string, number])]), y });
  const data = [ex(['said', 'he'], 0), ex(['he', 'told'], 0), ex(['mum', 'said'], 1), ex(['mum', 'report'], 1), ex(['plan'], 2), ex(['plan', 'ask'], 2),
    ex(['he', 'said'], 0), ex(['mum', 'told'], 1)];
  const opts = { l2: 0.001, iterations: 200, rate: 0.1, minCount: 1 };
  it('gives the same weights every time', () => {
    assert.deepEqual([...train(data, 3, opts)], [...train(data, 3, opts)]);
  });
  it('learns the classes of its examples', () => {
    const w = train(data, 3, opts);
    assert.deepEqual(data.map((e) => argmax(scores(w, e.x, 3))), data.map((e) => e.y));
  });
  it('drops a feature seen fewer times than minCount', () => {
    const w = train(data, 3, { ...opts, minCount: 2 });
    assert.equal(w.has('ask'), false);
    assert.equal(w.has('mum'), true);
  });
  it('trains to nothing but a bias on no examples', () => {
    assert.deepEqual([...train([], 3, opts)], []);
  });
});

describe('analysis/model: a status always has a sentence to point at', () => {
  const forcing = (status: 0 | 1 | 2): DomainModel => ({ options: { ...FEATURES, words: false }, weights: new Map([['bias', [0, 1, 2].map((k) => (k === status ? 5 : 0))]]) });
  const rows: Array<[string, string, 0 | 1 | 2, string[]]> = [
    ['a note with no cues stays absent whatever the model says', 'Visited the home. Baby weighed 5.2 kg.', 0, []],
    ["only the mother's word on drink: covered still points at her sentence", 'Visited. Mum said he drinks most nights.', 0, ['Mum said he drinks most nights.']],
    ['his own account forced to absent: no evidence', 'Visited. He told me he drinks two pints on a Friday.', 2, []],
    ['his own account forced second-hand: the sentence it rests on', 'Visited. He told me he drinks two pints on a Friday.', 1, ['He told me he drinks two pints on a Friday.']],
  ];
  for (const [what, text, status, evidence] of rows) {
    it(what, () => {
      const ctx = readNote({ text, name: 'Jamie' }, ['model']);
      const { domains } = applyDomainModel(ctx, forcing(status));
      assert.deepEqual(domains!.substance_use.evidence, evidence);
      if (!evidence.length) assert.equal(domains!.substance_use.status, ctx.domainClauses!.substance_use.length ? 'absent' : ctx.domains.substance_use.status);
      for (const d of DOMAIN_IDS) assert.equal(domains![d].status === 'absent', domains![d].evidence.length === 0, d);
    });
  }
  it('holds for the shipped model on the first 12 original notes', () => {
    for (const n of loadCorpus(SETS.original).slice(0, 12)) {
      const r = analyzeNote({ text: n.text, name: n.label.name, otherNames: n.label.otherNames });
      for (const d of DOMAIN_IDS) assert.equal(r.domains[d].status === 'absent', r.domains[d].evidence.length === 0, `${n.label.id} ${d}`);
    }
  });
});

describe('analysis/model: per-note code models add a gap only with something to point at', () => {
  const forcing = (code: NoteCode, on: boolean): DomainModel => ({ options: FEATURES, weights: new Map(),
    codes: { [code]: { noteWords: false, weights: new Map([['bias', on ? [0, 5] : [5, 0]]]) } } });
  const rows: Array<[string, string, NoteCode, boolean, Array<{ code: string; evidence?: string[] }>]> = [
    ['no substance found: SUBSTANCE_LEVEL_UNKNOWN is not added', 'Visited. He talked about work.', 'SUBSTANCE_LEVEL_UNKNOWN', true, []],
    ['a denial is never a level unknown', 'Visited. He told me he has never used drugs.', 'SUBSTANCE_LEVEL_UNKNOWN', true, []],
    ['a known level the model doubts: the gap names the substance and its sentence', 'Visited. He told me he drinks 2 pints every Friday.', 'SUBSTANCE_LEVEL_UNKNOWN', true,
      [{ code: 'SUBSTANCE_LEVEL_UNKNOWN', evidence: ['He told me he drinks 2 pints every Friday.'] }]],
    ['the model removes a level-unknown gap', 'Visited. Mum said he drinks.', 'SUBSTANCE_LEVEL_UNKNOWN', false, []],
    ['the model adds INFO_NOT_SOUGHT despite a GP contact', 'Visited. I contacted his GP with his consent.', 'INFO_NOT_SOUGHT', true, [{ code: 'INFO_NOT_SOUGHT' }]],
    ['the model removes INFO_NOT_SOUGHT', 'Visited. He talked about work.', 'INFO_NOT_SOUGHT', false, []],
  ];
  for (const [what, text, code, on, want] of rows) {
    it(what, () => {
      const ctx = readNote({ text, name: 'Jamie' }, ['model', 'model-codes']);
      // Each row changes the rules' decision: a removal row starts from a rules' gap, an adding row from none.
      assert.equal(ctx.gaps.some((g) => g.code === code), !on, 'the rules alone');
      const { gaps } = applyCodeModels(ctx, forcing(code, on));
      assert.deepEqual(gaps!.filter((g) => g.code === code).map((g) => (g.evidence ? { code: g.code, evidence: g.evidence } : { code: g.code })), want);
      // The gaps step's order: the domain gaps (in domain order), then the note's codes in the table's order.
      const ranks = gaps!.map((g) => Math.max(1, GAP_CODES.indexOf(g.code)));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'gaps stay in the gaps step order');
    });
  }
});
