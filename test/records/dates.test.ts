import assert from 'node:assert/strict';
import { parseContactDate } from '../../records/dates';
import { TEST_NOW } from '../helpers/records';

// TEST_NOW is Thursday 2026-11-26.
const cases: Array<[string, string | undefined]> = [
  ['today', '2026-11-26'],
  ['Yesterday', '2026-11-25'],
  ['3 days ago', '2026-11-23'],
  ['last monday', '2026-11-23'],
  ['thursday', '2026-11-19'],
  ['2026-11-20', '2026-11-20'],
  ['20/11/2026', '2026-11-20'],
  ['20 Nov', '2026-11-20'],
  ['28th december', '2025-12-28'],
  ['2026-11-27', undefined],
  ['2026-02-30', undefined],
  ['next week', undefined],
  ['', undefined],
];

describe('records: contact dates', () => {
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected ?? 'not a date'}`, () => assert.equal(parseContactDate(text, TEST_NOW), expected));
  }
});
