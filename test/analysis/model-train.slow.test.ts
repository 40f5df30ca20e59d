// Retrains the learned layer from its training sets and checks the committed weights are exactly what training gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MODEL_FILE } from '../../analysis/model/model';
import { FACTOR_MODEL_FILE } from '../../analysis/model/factors';
import { factorModelText, factorReadingsFrom, trainFactorModel } from '../../analysis/model/factors-train';
import { allReadings, modelText, trainModel } from '../../analysis/model/train';

describe('analysis/model: npm run train:analysis reproduces the committed weights', () => {
  let readings: ReturnType<typeof allReadings> | null = null;
  const read = () => (readings ??= allReadings());
  it('domains.json byte for byte', function () {
    this.timeout(600_000);
    assert.equal(modelText(trainModel(read())), readFileSync(MODEL_FILE, 'utf8'));
  });
  it('factors.json byte for byte', function () {
    this.timeout(600_000);
    assert.equal(factorModelText(trainFactorModel(factorReadingsFrom(read()))), readFileSync(FACTOR_MODEL_FILE, 'utf8'));
  });
});
