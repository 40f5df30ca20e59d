// The guided write-up where cards show (web chat, Teams): one card per part, answers that name their question, fewer turns.
import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import type { Activity } from 'botbuilder';
import { WriteUpDialog } from '../../dialogs/writeup/writeup-dialog';
import { t } from '../../prompts';
import { demoRecords, fixedClock } from '../helpers/records';
import { ACCOUNTS, scriptedPractitioner } from '../../bench/practitioner';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';
import { DOMAIN_IDS } from '../../records/practice-model';
import { ADAPTIVE_CARD } from '../../views/message';

interface Card { body: { id?: string; value?: string; text?: string }[]; actions: { data: Record<string, unknown> }[] }
const cardOf = (a: Partial<Activity> | undefined): Card | undefined => a?.attachments?.find((x) => x.contentType === ADAPTIVE_CARD)?.content as Card | undefined;
const send = async (c: DialogTestClient, input: string | Partial<Activity>): Promise<Partial<Activity>[]> => {
  const replies: Partial<Activity>[] = [];
  for (let r: Partial<Activity> | undefined = await c.sendActivity(input); r; r = c.getNextReply()) replies.push(r);
  return replies;
};
// A card's submission as Web Chat sends it: the button's data merged with the inputs.
const submit = (card: Card, fields: Record<string, string>, choice?: string): Partial<Activity> =>
  ({ type: 'message', value: { ...card.actions.find((a) => choice === undefined || a.data.choice === choice)!.data, ...fields } });

describe('dialogs: the guided write-up on cards (issue 15)', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());
  const client = () => new DialogTestClient('webchat', new WriteUpDialog({ records, today: fixedClock }), { userId: 'alex', caseRef: 'DEMO-1' });

  it('writes up all eight topics in at most 25 turns, with statements, pre-ticked alcohol and AUDIT-C item 1 from the frequency', async () => {
    const c = client();
    const answer = scriptedPractitioner();
    let input: string | Partial<Activity> | undefined = 'start';
    let turns = 0;
    const cards: Card[] = [];
    while (input !== undefined && turns < 60) {
      const replies = await send(c, input);
      turns++;
      for (const r of replies) if (cardOf(r)) cards.push(cardOf(r)!);
      if (c.dialogTurnResult.status !== 'waiting') break;
      input = answer(replies[replies.length - 1]!);
    }
    // The first turn starts the dialog; the practitioner's turns are the rest plus "write up DEMO-1" itself.
    assert.ok(turns <= 25, `turns: ${turns}`);
    const [saved] = await records.latestSummaries('DEMO-1');
    assert.ok(saved, 'saved');
    assert.equal(saved.contact.seenStatus, 'seen', '"present: Dan …" with seen left blank means seen');
    assert.equal(saved.contact.date, '2026-11-25');
    for (const d of DOMAIN_IDS) assert.deepEqual(saved.domains[d].statements, [{ text: ACCOUNTS[d], source: 'him', by: null }], d);
    const substances = cards.find((k) => k.body.some((b) => b.id === 'otherName'))!;
    assert.equal(substances.body.find((b) => b.id === 'picked')?.value, 'alcohol', 'alcohol pre-ticked from "four pints"');
    assert.deepEqual(saved.substances[0]?.screen?.answers, [2, 2, 1], 'AUDIT-C item 1 from "weekly"');
    assert.deepEqual(saved.infoSought, { agencies: ['gp'], consentGiven: true, note: '' });
    assert.deepEqual(saved.domains.parenting_knowledge.statements.length, 1);
    assert.deepEqual(saved.cryingMessages, ['crying_normal', 'never_shake']);
  });

  it('an answer from an earlier card gets "that answered an earlier question" and the current card again (item 11)', async () => {
    const c = client();
    await send(c, 'start');
    const [, contactReply] = await send(c, 'Dan (fictional)');
    const contact = cardOf(contactReply)!;
    const path = await send(c, submit(contact, { date: '2026-11-25', location: 'Clinic', present: 'Dan and the baby' }));
    assert.equal(path.at(-1)?.text, t('notes.askPath'));
    const again = await send(c, submit(contact, { date: '2026-11-24', location: 'Home', present: 'Dan' }));
    assert.deepEqual(again.map((r) => r.text), [t('guided.earlierQuestion'), t('notes.askPath')]);
    const [, topic] = await send(c, t('notes.pathGuided'));
    const first = cardOf(topic)!;
    const next = await send(c, submit(first, { account: ACCOUNTS.life_history, source: 'him' }, 'save'));
    const stale = await send(c, submit(first, { account: 'typed in a second tab', source: 'him' }, 'save'));
    assert.equal(stale[0]?.text, t('guided.earlierQuestion'));
    assert.deepEqual(cardOf(stale[1])?.actions[0]?.data.q, cardOf(next.at(-1))?.actions[0]?.data.q, 'the current card is sent again');
  });

  it('the contact card asks again for what is missing; a topic card needs an account or a reason, and "not explored" keeps the account', async () => {
    const c = client();
    await send(c, 'start');
    const [, contactReply] = await send(c, 'Dan (fictional)');
    const contact = cardOf(contactReply)!;
    assert.deepEqual((await send(c, submit(contact, { date: '2026-11-25', location: '', present: 'Dan' }))).map((r) => r.text), [t('guided.contactNeedsFields')]);
    assert.deepEqual((await send(c, submit(contact, { date: '2026-12-01', location: 'Clinic', present: 'Dan' }))).map((r) => r.text), [t('guided.contactNeedsFields')], 'future date');
    assert.deepEqual((await send(c, submit(contact, { date: '2026-11-25', location: 'Clinic', present: 'Shannon and the baby' }))).map((r) => r.text), [t('guided.contactNeedsSeen')]);
    assert.deepEqual((await send(c, 'hello')).map((r) => r.text), [t('guided.answerCard')], 'text typed instead of the card');
    await send(c, submit(contact, { date: '2026-11-25', location: 'Clinic', present: 'Shannon and the baby', seen: 'not_seen', notSeenReason: 'At work' }));
    const [, topicReply] = await send(c, t('notes.pathGuided'));
    const topic = cardOf(topicReply)!;
    assert.deepEqual((await send(c, submit(topic, { account: '' }, 'save'))).map((r) => r.text), [t('guided.topicNeedsAccount')]);
    assert.deepEqual((await send(c, submit(topic, { account: 'Started to talk about his dad' }, 'not_explored'))).map((r) => r.text), [t('guided.topicNeedsReason')]);
    const next = await send(c, submit(topic, { account: 'Started to talk about his dad', reason: 'Baby woke' }, 'not_explored'));
    assert.ok(cardOf(next.at(-1)), 'the next topic card follows');
    const state = JSON.stringify(c.conversationState);
    assert.ok(state.includes('Started to talk about his dad') && state.includes('Baby woke'), 'account and reason kept for the draft');
  });
});
