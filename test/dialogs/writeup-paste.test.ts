// Issue 15 end to end: DEMO-2's paste example through the whole write-up, saved with each statement's source.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { WriteUpDialog } from '../../dialogs/writeup/writeup-dialog';
import { DOMAIN_WORDING, t } from '../../prompts';
import { scriptedPractitioner } from '../../bench/practitioner';
import { summaryToMarkdown } from '../../views/exporters/markdown';
import { demoRecords, fixedClock } from '../helpers/records';
import { DEMO2_NOTE } from '../fixtures/demo2-paste';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';
import { DOMAIN_IDS } from '../../records/practice-model';
import { NOTES_REVIEW_ACTION } from '../../views/cards/notes-review-card';

/** The practitioner of DEMO-2: Kyle, "Mum (Shannon)" present, the paste path, every follow-up marked not explored. */
export function demo2Practitioner(present = 'Kyle, Mum (Shannon) and baby Leo') {
  const scripted = scriptedPractitioner({ 'writeup.askMan': 'Kyle (fictional)', 'writeup.askPresent': present, 'notes.askPath': t('notes.pathNotes'), 'notes.askNotes': DEMO2_NOTE,
    'writeup.askActions': 'none' });
  return (r: Partial<Activity>): string | Partial<Activity> | undefined => {
    const text = r.text ?? '';
    if (DOMAIN_IDS.some((d) => DOMAIN_WORDING[d].followUp === text)) return t('writeup.notExploredChoice');
    if (/^Why was .* not explored/.test(text)) return 'Ran out of time';
    return scripted(r);
  };
}

/** Whether a reply is the paste path's review card (the contact card before it is answered as the scripted practitioner answers it). */
const isNotesReview = (r: Partial<Activity>) => JSON.stringify(r.attachments?.[0]?.content ?? null).includes(`"action":"${NOTES_REVIEW_ACTION}"`);

/** Drives a write-up to the end; returns the replies and how many messages the practitioner sent. */
export async function driveWriteUp(client: DialogTestClient, answer: ReturnType<typeof demo2Practitioner>): Promise<{ said: string[]; turns: number }> {
  const said: string[] = [];
  let input: string | Partial<Activity> | undefined = 'write up DEMO-2';
  for (let turns = 1; turns < 150; turns++) {
    const replies: Partial<Activity>[] = [];
    for (let r: Partial<Activity> | undefined = await client.sendActivity(input!); r; r = client.getNextReply()) replies.push(r);
    said.push(...replies.map((r) => r.text ?? ''));
    if (client.dialogTurnResult.status !== 'waiting') return { said, turns };
    input = answer(replies[replies.length - 1]!);
    assert.ok(input !== undefined, `no scripted answer for: ${replies[replies.length - 1]?.text}`);
  }
  throw new Error('write-up did not finish');
}

describe('dialogs: DEMO-2 written up from pasted notes (issue 15)', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());

  const rows: Array<[string, string, string | null]> = [
    ['15.1: "Mum (Shannon)" entered as present: Shannon\'s sentences are saved second-hand by Shannon', 'Kyle, Mum (Shannon) and baby Leo', 'Shannon'],
    ['15.1 unhappy: with the mother not named as present, the sentence is still second-hand, never his own account', 'Kyle and baby Leo', 'Shannon'],
  ];
  for (const [name, present, by] of rows) {
    it(name, async () => {
      const c = new DialogTestClient('test', new WriteUpDialog({ records, today: fixedClock }), { userId: 'alex', caseRef: 'DEMO-2' });
      const { said } = await driveWriteUp(c, demo2Practitioner(present));
      assert.ok(said.some((s) => s.startsWith(t('writeup.saved', { version: 1, man: 'Kyle (fictional)', ref: 'DEMO-2' }))), said.slice(-3).join(' | '));
      const saved = (await records.latestSummaries('DEMO-2')).find((s) => s.manId === 'demo-2-kyle')!;
      for (const d of ['substance_use', 'frustration_coping', 'relationship_safety'] as const) {
        assert.equal(saved.domains[d].status, 'secondhand', d);
        assert.ok(saved.domains[d].statements.length > 0 && saved.domains[d].statements.every((s) => s.source === 'secondhand' && s.by === by), `${d}: ${JSON.stringify(saved.domains[d].statements)}`);
      }
      const md = summaryToMarkdown(saved, { manName: 'Kyle (fictional)', manRole: 'birth_father', fictional: true });
      assert.match(md, /"Mum said he punched a door last month\." \(second-hand: Shannon\)/);
      assert.doesNotMatch(md, /\*\*Strengths:\*\* none/);
    });
  }

  it('on a channel with cards the one review card also takes factors, agencies, consent, reflection and actions: DEMO-2 in 10 turns', async () => {
    const c = new DialogTestClient('emulator', new WriteUpDialog({ records, today: fixedClock }), { userId: 'alex', caseRef: 'DEMO-2' });
    const plain = demo2Practitioner();
    const card = { type: 'message', text: '', value: { action: NOTES_REVIEW_ACTION, 'text.mental_health.new': 'He said he sleeps badly', 'source.mental_health.new': 'him',
      factors: 'anger_frustration', agencies: 'gp,not-an-agency', consent: 'yes', anxious: 'no', actions: 'Offer an evening visit\nCall the GP by 2026-12-10' } } as Partial<Activity>;
    const { said, turns } = await driveWriteUp(c, (r) => (isNotesReview(r) ? card : plain(r)));
    for (const key of ['writeup.askInfoSought', 'writeup.askAnxious', 'writeup.askActions'] as const) assert.ok(!said.includes(t(key)), `${key} is on the card, not asked again`);
    assert.equal(turns, 7, "contact card, notes, the review card with every gap on it, confirm");
    const saved = (await records.latestSummaries('DEMO-2')).find((s) => s.manId === 'demo-2-kyle')!;
    assert.deepEqual([saved.factors, saved.infoSought.agencies, saved.infoSought.consentGiven, saved.reflection.anxious], [['anger_frustration'], ['gp'], true, false]);
    assert.deepEqual(saved.actions, ['Offer an evening visit', 'Call the GP by 2026-12-10']);
    assert.ok(!saved.gaps.some((g) => g.code === 'INFO_NOT_SOUGHT'), 'the GP asked settles "no information sought"');
    assert.equal(saved.domains.mental_health.status, 'covered');
  });

  it('unhappy: anxious about him on the card still suggests a joint visit', async () => {
    const c = new DialogTestClient('emulator', new WriteUpDialog({ records, today: fixedClock }), { userId: 'alex', caseRef: 'DEMO-2' });
    const plain = demo2Practitioner();
    const card = { type: 'message', text: '', value: { action: NOTES_REVIEW_ACTION, anxious: 'yes' } } as Partial<Activity>;
    const { said } = await driveWriteUp(c, (r) => (isNotesReview(r) ? card : (r.text === t('writeup.askAnxious') ? t('common.yes') : plain(r))));
    assert.ok(said.includes(t('writeup.askAnxious')));
  });
});
