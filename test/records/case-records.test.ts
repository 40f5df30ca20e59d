import assert from 'node:assert/strict';
import { demoDraft as draft, demoRecords, TEST_NOW } from '../helpers/records';
import { Summary, type SummaryDraft } from '../../records/model';
import { RecordNotFoundError } from '../../records/repository';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

describe('records: case records', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());

  it('seeds the fictional demo: three users, four cases, men on each case', async () => {
    assert.deepEqual((await records.listUsers()).map((u) => u.id).sort(), ['alex', 'jo', 'kim', 'lee', 'pat', 'sam']);
    assert.deepEqual((await records.listOpenCasesFor('alex')).map((c) => c.ref), ['DEMO-1', 'DEMO-2', 'DEMO-3']);
    assert.equal((await records.getCase('DEMO-4'))?.practitionerId, 'jo');
    assert.equal((await records.listMen('DEMO-2')).length, 2);
    assert.ok((await records.listOpenCasesFor('alex')).every((c) => c.fictional));
  });

  it('saves a summary as version 1 that reads back schema-valid, stamped with author and the injected clock', async () => {
    const saved = await records.saveSummary(draft(), 'alex');
    assert.equal(saved.version, 1);
    assert.equal(saved.corrects, null);
    assert.equal(saved.createdAt, TEST_NOW.toISOString());
    const [latest] = await records.latestSummaries('DEMO-1');
    assert.deepEqual(Summary.parse(latest), saved);
  });

  it('a correction is a new version naming the one it corrects; the first version is unchanged', async () => {
    const v1 = await records.saveSummary(draft(), 'alex');
    const v2 = await records.correctSummary(v1.summaryId, draft({ actions: ['Offer an evening visit'] }), 'alex');
    assert.equal(v2.version, 2);
    assert.equal(v2.corrects, 1);
    const versions = await records.summaryVersions(v1.summaryId);
    assert.deepEqual(versions.map((v) => v.version), [1, 2]);
    assert.deepEqual(versions[0].actions, []);
    assert.deepEqual((await records.latestSummaries('DEMO-1'))[0].actions, ['Offer an evening visit']);
  });

  it('a save repeated with the same summary id (a confirm replayed after a crash) returns the first, saving once', async () => {
    const first = await records.saveSummary(draft(), 'alex', { summaryId: 'fixed-id-1' });
    const again = await records.saveSummary(draft({ actions: ['changed'] }), 'alex', { summaryId: 'fixed-id-1' });
    assert.deepEqual(again, first);
    assert.equal((await records.latestSummaries('DEMO-1')).length, 1);
    await assert.rejects(records.saveSummary(draft({ caseRef: 'DEMO-2', manId: 'demo-2-ryan' }), 'alex', { summaryId: 'fixed-id-1' }), RecordNotFoundError);
  });

  it('refuses to update or delete a stored version (append-only in the database itself)', async () => {
    const v1 = await records.saveSummary(draft(), 'alex');
    await assert.rejects(db.run("UPDATE summary_versions SET body = '{}' WHERE summary_id = ?", [v1.summaryId]), /statement failed/);
    await assert.rejects(db.run('DELETE FROM summary_versions WHERE summary_id = ?', [v1.summaryId]), /statement failed/);
    // PostgreSQL's TRUNCATE skips row triggers; a statement trigger refuses it too (SQLite has no TRUNCATE).
    if (db.dialect.name === 'postgres') await assert.rejects(db.run('TRUNCATE summary_versions CASCADE'), /statement failed/);
    assert.equal((await records.summaryVersions(v1.summaryId)).length, 1);
  });

  const invalid: Array<[string, Partial<SummaryDraft>, RegExp | typeof RecordNotFoundError]> = [
    ['a man from another case', { manId: 'demo-4-tom' }, RecordNotFoundError],
    ['an unknown case', { caseRef: 'NOPE-9' }, RecordNotFoundError],
    ['a date that is not yyyy-mm-dd', { contact: { ...draft().contact, date: '25/11/2026' } }, /yyyy-mm-dd/],
    ['an answer over the size limit', { actions: ['x'.repeat(20_001)] }, /too_big|Too big/i],
  ];
  for (const [what, overrides, error] of invalid) {
    it(`refuses a summary with ${what} and stores nothing`, async () => {
      await assert.rejects(records.saveSummary(draft(overrides), 'alex'), error);
      assert.deepEqual(await records.latestSummaries('DEMO-1'), []);
    });
  }

  it('keeps the first version when a correction fails validation halfway', async () => {
    const v1 = await records.saveSummary(draft(), 'alex');
    await assert.rejects(records.correctSummary(v1.summaryId, draft({ manId: 'demo-4-tom' }), 'alex'), RecordNotFoundError);
    assert.deepEqual((await records.summaryVersions(v1.summaryId)).map((v) => v.version), [1]);
  });
});
