import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { CorrectDialog } from '../../dialogs/writeup/correct-dialog';
import { DOMAIN_WORDING, t } from '../../prompts';
import { demoRecords } from '../helpers/records';
import { playTurns } from '../helpers/turns';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

// DEMO-3's seed holds one summary about Marcus (contact 2026-11-02); a correction must add version 2 and keep version 1.
describe('dialogs: correcting a saved summary', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());
  const client = (caseRef: string | null, userId = 'alex') => new DialogTestClient('test', new CorrectDialog({ records }), { userId, caseRef });
  const lh = DOMAIN_WORDING.life_history;

  it('redoes one domain, reviews, and saves version 2 that names version 1; version 1 is unchanged', async () => {
    const [before] = await records.latestSummaries('DEMO-3');
    await playTurns(client('DEMO-3'), [
      ['start', [(a) => assert.deepEqual(a.suggestedActions?.actions.map((x) => x.title), ['Marcus (fictional)'], 'no "someone else" when correcting')]],
      ['Marcus (fictional)', [t('writeup.askSummary')]],
      [t('writeup.summaryChoice', { date: '2026-11-02', version: 1 }), [t('writeup.askSection')]],
      [lh.title, [lh.question]],
      ['He said his nan raised him from age four after his dad went to prison.', [t('writeup.askSource')]],
      [t('writeup.sourceOwn'), [lh.strengths]],
      ['Close to his nan', [lh.concerns]],
      ['none', [(a) => assert.match(a.text ?? '', new RegExp(`^${t('writeup.reviewIntro').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)), t('writeup.askConfirm')]],
      [t('writeup.confirm'), [t('writeup.corrected', { version: 2, corrects: 1, man: 'Marcus (fictional)', ref: 'DEMO-3' })]],
    ]);
    const versions = await records.summaryVersions(before.summaryId);
    assert.deepEqual(versions.map((v) => [v.version, v.corrects]), [[1, null], [2, 1]]);
    assert.deepEqual(versions[0], before, 'version 1 is byte-for-byte what it was');
    assert.equal(versions[1].domains.life_history.account, 'He said his nan raised him from age four after his dad went to prison.');
    assert.deepEqual(versions[1].domains.fatherhood_ideas, before.domains.fatherhood_ideas, 'other sections unchanged');
  });

  it('corrects the actions alone; discard saves nothing', async () => {
    const [before] = await records.latestSummaries('DEMO-3');
    await playTurns(client('DEMO-3'), [
      ['start', [/./]],
      ['1', [t('writeup.askSummary')]],
      ['1', [t('writeup.askSection')]],
      [t('summary.actions'), [t('writeup.askActions')]],
      ['Offer an evening visit', [/./, t('writeup.askConfirm')]],
      [t('writeup.discard'), [t('writeup.discarded')]],
    ]);
    assert.equal((await records.summaryVersions(before.summaryId)).length, 1);
  });

  it('says so when there is nothing to correct, and refuses another team\'s case', async () => {
    await playTurns(client('DEMO-1'), [['start', [/./]], ['Dan (fictional)', [t('writeup.noSummaries', { man: 'Dan (fictional)' })]]]);
    await playTurns(client('DEMO-4'), [['start', [t('writeup.unknownCase', { ref: 'DEMO-4' }), t('writeup.askCase')]]]);
  });
});
