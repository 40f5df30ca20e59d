import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import pino from 'pino';
import { SeenBot } from '../../bot/seen-bot';
import { t } from '../../prompts';
import { demoRecords, fixedClock } from '../helpers/records';
import { playBot, type Turn } from '../helpers/turns';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

// PrepareDialog through SeenBot on the SDK's TestAdapter: [what the user sends, every reply expected] per row.
type Row = Turn;

const card = (check: (content: { body: Array<{ text?: string }>; actions?: Array<{ data: unknown }> }) => void) => (a: Partial<Activity>) => {
  const attachment = a.attachments?.[0];
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  const content = attachment!.content as { version: string; body: Array<{ text?: string }> };
  assert.equal(content.version, '1.5');
  check(content as never);
};
const texts = (body: unknown): string => JSON.stringify(body);
const buttons = (...values: string[]) => (a: Partial<Activity>) => assert.deepEqual(a.suggestedActions?.actions.map((x) => x.value), values);

describe('prepare: the dialog, as turn tables', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());

  async function play(userId: string, rows: Row[], channelId = 'emulator'): Promise<void> {
    const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock });
    await playBot(bot, userId, rows, channelId);
  }

  const plan3 = card((c) => {
    const all = texts(c.body);
    assert.match(all, /Before your visit: DEMO-3/);
    assert.match(all, /Thinking about alcohol/);
    assert.match(all, /AUDIT-C/);
  });
  const offer3 = [t('prepare.offerWriteUp', { ref: 'DEMO-3' }), buttons('write up DEMO-3')] as const;

  const table: Array<[string, string, Row[], string?]> = [
    ['prepare DEMO-3: the plan card, the safety question, a joint visit on yes, then the write-up offer', 'alex', [
      ['prepare DEMO-3', [plan3, t('prepare.askSafety')]],
      ['yes', [t('prepare.jointVisit'), (a) => { assert.equal(a.text, offer3[0]); offer3[1](a); }]],
    ]],
    ['a "no" to the safety question gets a plain note, no joint visit', 'alex', [
      ['prepare demo-3', [plan3, t('prepare.askSafety')]],
      ['no', [t('prepare.safetyNoted'), t('prepare.offerWriteUp', { ref: 'DEMO-3' })]],
    ]],
    ['prepare with no case shows a card of their cases; a card pick prepares that case', 'alex', [
      ['prepare', [card((c) => assert.deepEqual((c.body as Array<{ actions?: Array<{ data: unknown }> }>).flatMap((b) => b.actions ?? []).map((x) => x.data), ['DEMO-1', 'DEMO-2', 'DEMO-3'].map((ref) => ({ action: 'prepare', caseRef: ref }))))]],
      [{ type: ActivityTypes.Message, value: { action: 'prepare', caseRef: 'DEMO-1' } }, [card((c) => assert.match(texts(c.body), /What does being a dad mean to you\?/)), t('prepare.askSafety')]],
    ]],
    ['typing a case reference at the case card works too', 'alex', [
      ['prepare', [() => undefined]],
      ['demo-2', [card((c) => assert.match(texts(c.body), /About Ryan/)), t('prepare.askSafety')]],
    ]],
    ['the write-up button after prepare starts the write-up for that case', 'alex', [
      ['prepare DEMO-3', [plan3, t('prepare.askSafety')]],
      ['no', [t('prepare.safetyNoted'), t('prepare.offerWriteUp', { ref: 'DEMO-3' })]],
      [{ type: ActivityTypes.Message, value: { action: 'writeUp', caseRef: 'DEMO-3' } }, [t('writeup.askMan', { baby: 'Baby Isla (fictional)' })]],
    ]],
    ['unhappy: a case that is not theirs is refused and their own are offered', 'alex', [
      ['prepare DEMO-4', [t('prepare.unknownCase', { ref: 'DEMO-4' }), () => undefined]],
      ['DEMO-4', [t('prepare.retryCase')]],
      ['cancel', [t('common.cancelled')]],
    ]],
    ['unhappy: a supervisor with no open cases is told how to read a team case', 'sam', [['prepare', [t('prepare.noCasesSupervisor')]]]],
    ['unhappy: an unknown user is told who to ask and sees nothing else', 'mallory', [['prepare DEMO-1', [t('common.unknownUser')]]]],
    ['unhappy: a card with a bad case reference is refused', 'alex', [[{ type: ActivityTypes.Message, value: { action: 'prepare', caseRef: '../x' } }, [t('common.badCard')]]]],
    ['help during the safety question is contextual and asks again', 'alex', [
      ['prepare DEMO-3', [plan3, t('prepare.askSafety')]],
      ['help', [new RegExp(`You are in the middle of: ${t('prepare.where')}`), new RegExp(t('prepare.askSafety').slice(0, 30))]],
    ]],
    ['a channel without cards gets the plan as text', 'alex', [
      ['prepare DEMO-3', [(a) => { assert.equal(a.attachments, undefined); assert.match(a.text ?? '', /\*\*Questions to try with Marcus \(fictional\)\*\*\n1\. Thinking about alcohol/); }, /^One question about you/]],
    ], 'sms'],
  ];
  for (const [what, user, rows, channel] of table) it(what, () => play(user, rows, channel));
});
