import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import type { Activity } from 'botbuilder';
import { WriteUpDialog, type WriteUpOptions } from '../../dialogs/writeup/writeup-dialog';
import { DOMAIN_WORDING, t } from '../../prompts';
import { demoRecords, fixedClock } from '../helpers/records';
import { ACCOUNTS, scriptedPractitioner } from '../../bench/practitioner';
import { playTurns } from '../helpers/turns';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';
import { DOMAIN_IDS } from '../../records/practice-model';

// Drives a whole write-up: each reply batch's last message is answered by the scripted practitioner.
async function drive(client: DialogTestClient, first: string, answer = scriptedPractitioner(), maxTurns = 150): Promise<string[]> {
  const transcript: string[] = [];
  let input: string | Partial<Activity> | undefined = first;
  for (let turn = 0; input !== undefined && turn < maxTurns; turn++) {
    const replies: Partial<Activity>[] = [];
    for (let r: Partial<Activity> | undefined = await client.sendActivity(input); r; r = client.getNextReply()) replies.push(r);
    transcript.push(...replies.map((r) => r.text ?? ''));
    if (client.dialogTurnResult.status !== 'waiting') return transcript;
    input = answer(replies[replies.length - 1]);
    assert.ok(input !== undefined, `no scripted answer for: ${replies[replies.length - 1]?.text}`);
  }
  throw new Error('write-up did not finish');
}

describe('dialogs: the guided write-up', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());
  const client = (options: WriteUpOptions) => new DialogTestClient('test', new WriteUpDialog({ records, today: fixedClock }), options);

  it('walks case, man, contact, eight domains, agencies, reflection, actions and review, then saves version 1', async () => {
    const transcript = await drive(client({ userId: 'alex', caseRef: 'DEMO-1' }), 'start');
    assert.ok(transcript.includes(t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' })), transcript.slice(-3).join(' | '));
    const [saved] = await records.latestSummaries('DEMO-1');
    assert.equal(saved.author, 'alex');
    assert.equal(saved.contact.date, '2026-11-25');
    assert.equal(saved.contact.seenStatus, 'seen');
    for (const d of DOMAIN_IDS) assert.equal(saved.domains[d].account, ACCOUNTS[d], d);
    assert.ok(DOMAIN_IDS.every((d) => saved.domains[d].status === 'covered'));
    assert.deepEqual(saved.infoSought.agencies, ['gp']);
    assert.equal(saved.infoSought.consentGiven, true);
    assert.deepEqual(saved.actions, ['Offer an evening visit next time', 'Share the ICON crying leaflet with Dan']);
    assert.equal(saved.substances[0]?.substance, 'alcohol');
    assert.ok(!saved.gaps.some((g) => g.code === 'DOMAIN_ABSENT'));
  });

  it('actions get the practitioner as owner and a due date; the next write-up lists them open and marks the chosen ones done (issue 17.6)', async () => {
    await drive(client({ userId: 'alex', caseRef: 'DEMO-1' }), 'start', scriptedPractitioner({ 'writeup.askActions': 'Call the GP by 2026-12-10\nSend the leaflet' }));
    const [firstSaved] = await records.latestSummaries('DEMO-1');
    assert.deepEqual(firstSaved!.actionItems!.map((a) => [a.text, a.ownerId, a.dueOn]), [['Call the GP by 2026-12-10', 'alex', '2026-12-10'], ['Send the leaflet', 'alex', null]]);
    const transcript = await drive(client({ userId: 'alex', caseRef: 'DEMO-1' }), 'start', scriptedPractitioner({ 'writeup.askActionsDone': '2', 'writeup.askActions': 'none' }));
    const list = [t('writeup.openActionLine', { n: 1, text: 'Call the GP by 2026-12-10', agreed: '2026-11-25' }), t('writeup.openActionLine', { n: 2, text: 'Send the leaflet', agreed: '2026-11-25' })].join('\n');
    assert.ok(transcript.includes(t('writeup.askActionsDone', { list })), transcript.filter((x) => /still open/.test(x)).join(' / '));
    assert.ok(transcript.includes(t('writeup.actionsMarkedDone', { count: 1 })));
    const second = (await records.latestSummaries('DEMO-1')).find((s) => s.summaryId !== firstSaved!.summaryId)!;
    assert.deepEqual(second.actionsDone, [firstSaved!.actionItems![1]!.id]);
    assert.deepEqual(second.actions, []);
  });

  it('asks for a case when the named one is not theirs, and refuses another team\'s case typed in', async () => {
    await playTurns(client({ userId: 'alex', caseRef: 'DEMO-4' }), [
      ['start', [t('writeup.unknownCase', { ref: 'DEMO-4' }), t('writeup.askCase')]],
      ['DEMO-4', [t('writeup.retryCase')]],
      ['help', [/You are in the middle of: choosing the case/, t('writeup.askCase')]],
      ['demo-2', [t('writeup.askMan', { baby: 'Baby Leo (fictional)' })]],
    ]);
  });

  it('adds a man who is not yet on the case', async () => {
    await playTurns(client({ userId: 'alex', caseRef: 'DEMO-1' }), [
      ['start', [t('writeup.askMan', { baby: 'Baby Ava (fictional)' })]],
      [t('writeup.addMan'), [t('writeup.askManName')]],
      ['Jay', [t('writeup.askManRole')]],
      [t('writeup.roleMothersPartner'), [/^Does he live with the baby\?/]],
      ['yes', [t('writeup.manAdded', { name: 'Jay', ref: 'DEMO-1' }), t('writeup.started', { man: 'Jay', ref: 'DEMO-1', baby: 'Baby Ava (fictional)' }), /^When was the contact\?/]],
    ]);
    assert.deepEqual((await records.listMen('DEMO-1')).map((m) => [m.name, m.role, m.resident]), [['Dan (fictional)', 'birth_father', true], ['Jay', 'mothers_partner', true]]);
  });

  it('a man not seen gets the reason asked and the advice to offer a visit he can attend', async () => {
    await playTurns(client({ userId: 'alex', caseRef: 'DEMO-2' }), [
      ['start', [/^Which man/]],
      ['Ryan (fictional)', [/^Write-up for \*\*Ryan/, /^When was the contact\?/]],
      // The re-prompt keeps the today / yesterday buttons, and the date read is shown back (issue 15 item 12).
      ['2026-12-01', [(a) => { assert.equal(a.text, t('writeup.retryDate')); assert.deepEqual(a.suggestedActions?.actions.map((x) => x.title), ['today', 'yesterday']); }]],
      ['today', [t('guided.dateRead', { date: 'Thursday 26 November 2026' }), t('writeup.askLocation')]],
      ['Clinic', [t('writeup.askPresent')]],
      ['Mother and baby', [/^Did you see him/]],
      [t('writeup.notSeen'), [t('writeup.askNotSeenReason')]],
      ['At work', [t('writeup.notSeenAdvice'), t('notes.askPath')]],
      [t('notes.pathGuided'), [/^Now, what you learned/, DOMAIN_WORDING.life_history.question]],
    ]);
  });

  it('cancel mid-way saves nothing and ends the write-up', async () => {
    const c = client({ userId: 'alex', caseRef: 'DEMO-1' });
    await playTurns(c, [['start', [/^Which man/]], ['Dan (fictional)', [/^Write-up for/, /^When was the contact\?/]], ['cancel', [t('common.cancelled')]]]);
    assert.notEqual(c.dialogTurnResult.status, 'waiting');
    assert.deepEqual(await records.latestSummaries('DEMO-1'), []);
  });

  it('says so when the practitioner has no open cases', async () => {
    await playTurns(client({ userId: 'sam', caseRef: null }), [['start', [t('writeup.noCases')]]]);
  });
});
