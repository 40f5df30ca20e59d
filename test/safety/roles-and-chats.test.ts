import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { SeenBot } from '../../bot/seen-bot';
import { turnErrorHandler } from '../../bot/turn-error';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { t } from '../../prompts';
import { demoRecords, fixedClock } from '../helpers/records';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

type Conversation = { id: string; isGroup: boolean; conversationType: string; name: string };
const PERSONAL: Conversation = { id: 'c1', isGroup: false, conversationType: 'personal', name: '' };

// Issue 13, items 11 and 12: a role that may not prepare or write up is told what it can do (never the turn-error apology),
// and case content never appears in a group chat or a Teams channel.
describe('safety: roles that hold no cases, and chats others can read', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());

  function adapter(from: { id: string; aadObjectId?: string }, conversation = PERSONAL, channelId = 'emulator'): TestAdapter {
    const bot = new SeenBot({
      conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock, coverage: new SqlCoverage(db),
    });
    const a = new TestAdapter((ctx) => bot.run(ctx), { channelId, from: { name: from.id, ...from }, recipient: { id: 'seen', name: 'Seen' }, conversation, serviceUrl: 'http://localhost' });
    a.onTurnError = turnErrorHandler(pino({ level: 'silent' }));
    return a;
  }

  // Every reply one input gets, in order.
  async function replies(a: TestAdapter, input: string | Partial<Activity>): Promise<Array<Partial<Activity>>> {
    await a.receiveActivity(typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : input);
    return a.activeQueue.splice(0);
  }

  const caseCommands = ['prepare', 'prepare DEMO-1', 'write up', 'write up DEMO-1', 'correct DEMO-1'];

  for (const text of caseCommands) {
    it(`pat (partnership lead) sends "${text}": one polite refusal naming the coverage page, no turn error`, async () => {
      const got = await replies(adapter({ id: 'pat' }), text);
      assert.deepEqual(got.map((r) => r.text), [t('common.refusedPartnership')]);
      assert.match(got[0].text!, /\/coverage/);
    });
  }

  it('pat can still ask for help and is not left in a dialog after a refusal', async () => {
    const a = adapter({ id: 'pat' });
    await replies(a, 'write up DEMO-1');
    assert.deepEqual((await replies(a, 'DEMO-1')).map((r) => r.text), [t('common.notUnderstood')]);
    assert.deepEqual((await replies(a, 'help')).map((r) => r.text), [t('common.help')]);
  });

  it('an administrator sending "prepare DEMO-1" is told administrators see no case content', async () => {
    await records.upsertUser({ id: 'ada', name: 'Ada Admin', role: 'admin', team: 'North', aadObjectId: null, disabled: false });
    for (const text of caseCommands) assert.deepEqual((await replies(adapter({ id: 'ada' }), text)).map((r) => r.text), [t('common.refusedAdmin')], text);
  });

  const shared: Array<[string, Conversation, string, { id: string; aadObjectId?: string }]> = [
    ['a Teams group chat', { id: 'g1', isGroup: true, conversationType: 'groupChat', name: 'Team North' }, 'msteams', { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' }],
    ['a Teams channel', { id: 'ch1', isGroup: true, conversationType: 'channel', name: 'General' }, 'msteams', { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' }],
    ['a group conversation on another channel', { id: 'g2', isGroup: true, conversationType: 'groupChat', name: '' }, 'emulator', { id: 'alex' }],
  ];
  for (const [where, conversation, channel, from] of shared) {
    for (const text of ['prepare DEMO-1', 'write up DEMO-1', 'coverage', 'hello']) {
      it(`in ${where}, alex sends "${text}": only the personal-chat notice, no case content`, async () => {
        const got = await replies(adapter(from, conversation, channel), text);
        assert.deepEqual(got.map((r) => r.text), [t('common.personalOnly')]);
        assert.ok(got.every((r) => !r.attachments?.length && !r.suggestedActions), 'no card and no buttons');
      });
    }
    it(`in ${where}, a member joining is told Seen works in personal chats, not greeted by name`, async () => {
      const got = await replies(adapter(from, conversation, channel), { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: from.id, aadObjectId: from.aadObjectId, name: 'Alex' }] });
      assert.deepEqual(got.map((r) => r.text), [t('common.personalOnly')]);
    });
  }

  it('in a Teams personal chat the same commands still work', async () => {
    const got = await replies(adapter({ id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' }, PERSONAL, 'msteams'), 'write up DEMO-1');
    assert.deepEqual(got.map((r) => r.text), [t('writeup.askMan', { baby: 'Baby Ava (fictional)' })]);
  });
});
