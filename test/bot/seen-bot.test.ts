import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { SeenBot } from '../../bot/seen-bot';
import { turnErrorHandler } from '../../bot/turn-error';
import { AccessDeniedError } from '../../records/access';
import { t } from '../../prompts';
import { demoRecords, fixedClock } from '../helpers/records';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

// The ActivityHandler end to end on the SDK's TestAdapter: identity, routing, card submissions, bad input.
describe('bot: SeenBot routing', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());

  function adapterFor(userId: string): TestAdapter {
    const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock });
    const adapter = new TestAdapter((ctx) => bot.run(ctx), { channelId: 'emulator', from: { id: userId, name: userId }, recipient: { id: 'seen', name: 'Seen' }, conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, serviceUrl: 'http://localhost' });
    adapter.onTurnError = turnErrorHandler(pino({ level: 'silent' }));
    return adapter;
  }
  const card = (value: unknown): Partial<Activity> => ({ type: ActivityTypes.Message, value });

  const table: Array<[string, string, Array<string | Partial<Activity>>, Array<string | RegExp>]> = [
    ['greets a known user by first name on join', 'alex', [{ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'alex', name: 'Alex' }] }], [t('common.greeting', { name: 'Alex' })]],
    ['answers help with what it can do', 'alex', ['help'], [t('common.help')]],
    ['says there is nothing to cancel', 'alex', ['cancel'], [t('common.nothingToCancel')]],
    ['does not pretend to understand small talk', 'alex', ['what is the weather'], [t('common.notUnderstood')]],
    ['tells an unknown user who to ask, and nothing else', 'mallory', ['write up DEMO-1'], [t('common.unknownUser')]],
    ['refuses a card submission with extra fields', 'alex', [card({ action: 'confirm', extra: 1 })], [t('common.badCard')]],
    ['refuses a card submission with a missing action', 'alex', [card({})], [t('common.badCard')]],
    ['starts a correction for a named case', 'alex', ['correct DEMO-3'], [(/Which man in Baby Isla/)]],
    ['starts a write-up for a named case', 'alex', ['write up demo-1'], [t('writeup.askMan', { baby: 'Baby Ava (fictional)' })]],
    ['offers their own cases when the case is unknown', 'alex', ['write up NOPE-1'], [t('writeup.unknownCase', { ref: 'NOPE-1' }), t('writeup.askCase')]],
    ['handles emoji and non-Latin text as ordinary text', 'alex', ['👋 مرحبا 你好'], [t('common.notUnderstood')]],
  ];
  for (const [what, user, inputs, expected] of table) {
    it(what, async () => {
      const adapter = adapterFor(user);
      let flow: { send(a: string | Partial<Activity>): unknown } = adapter;
      for (const input of inputs) flow = (flow.send(input) as typeof flow);
      let chain = flow as unknown as { assertReply(e: (a: Partial<Activity>) => void): unknown };
      for (const e of expected) chain = chain.assertReply((a) => (typeof e === 'string' ? assert.equal(a.text, e) : assert.match(a.text ?? '', e))) as typeof chain;
      await (chain as unknown as Promise<void>);
    });
  }

  it('a write-up can be restarted with another case at any point, and help stays contextual', async () => {
    await adapterFor('alex')
      .send('write up DEMO-1').assertReply(t('writeup.askMan', { baby: 'Baby Ava (fictional)' }))
      .send('write up DEMO-2').assertReply(t('writeup.askMan', { baby: 'Baby Leo (fictional)' }))
      .send('help').assertReply((a) => assert.match(a.text ?? '', /You are in the middle of: choosing the case/))
      .assertReply(t('writeup.askMan', { baby: 'Baby Leo (fictional)' }));
  });

  it('says plainly when the access policy refuses, through the one turn-error handler', async () => {
    const failing = new TestAdapter(async () => { throw new AccessDeniedError('alex', 'case.read'); });
    failing.onTurnError = turnErrorHandler(pino({ level: 'silent' }));
    await failing.send('hello').assertReply(t('common.notAllowed'));
  });

  it('apologises through the turn-error handler when the record store fails, and keeps running', async () => {
    const adapter = adapterFor('alex');
    await db.close();
    await adapter.send('help').assertReply(t('common.turnError'));
  });
});
