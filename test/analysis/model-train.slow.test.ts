// Retrains the learned layer from the eight training sets and checks the committed weights are exactly what training gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MODEL_FILE } from '../../analysis/model/model';
import { allReadings, modelText, trainModel } from '../../analysis/model/train';

describe('analysis/model: npm run train:analysis reproduces the committed weights', () => {
  it('byte for byte', function () {
    this.timeout(600_000);
    assert.equal(modelText(trainModel(allReadings())), readFileSync(MODEL_FILE, 'utf8'));
  });
});
