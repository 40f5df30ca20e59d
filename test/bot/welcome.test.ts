import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type ConversationAccount } from 'botbuilder';
import pino from 'pino';
import { SeenBot } from '../../bot/seen-bot';
import { t } from '../../prompts';
import { DEMO_USERS } from '../../records/demo-data';
import { demoRecords, fixedClock } from '../helpers/records';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

// Issue 16.4: one welcome on a Teams personal install, whatever order the events come in; nothing said on removal.
describe('bot: welcome on install', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());

  const ALEX = { id: '29:alex', name: 'Alex Morgan', aadObjectId: DEMO_USERS.find((u) => u.id === 'alex')!.aadObjectId! };
  const STRANGER = { id: '29:stranger', name: 'Stranger', aadObjectId: '11111111-0000-4000-8000-000000000bad' };
  const BOT = { id: '28:seen', name: 'Seen' };
  const PERSONAL: ConversationAccount = { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' };
  const GROUP: ConversationAccount = { id: 'g:1', isGroup: true, conversationType: 'groupChat', name: 'Team North' };

  const botAdded: Partial<Activity> = { type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] };
  const install = (action: string): Partial<Activity> => ({ type: ActivityTypes.InstallationUpdate, action });
  const userAdded = (who: typeof ALEX): Partial<Activity> => ({ type: ActivityTypes.ConversationUpdate, membersAdded: [who] });
  const removed = (who: { id: string; name: string }): Partial<Activity> => ({ type: ActivityTypes.ConversationUpdate, membersRemoved: [who] });

  // Every reply text to the events, in one conversation with one bot (its state kept between events).
  async function replies(from: typeof ALEX, conversation: ConversationAccount, events: Array<Partial<Activity> | string>): Promise<string[]> {
    const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock });
    const adapter = new TestAdapter((ctx) => bot.run(ctx), { channelId: 'msteams', from, recipient: BOT, conversation, serviceUrl: 'http://localhost' });
    for (const e of events) await adapter.send(e);
    return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
  }
  const hello = t('common.greeting', { name: 'Alex' });

  const table: Array<[string, typeof ALEX, ConversationAccount, Array<Partial<Activity> | string>, string[]]> = [
    ['Teams personal install: bot added, then installationUpdate add: one welcome', ALEX, PERSONAL, [botAdded, install('add')], [hello]],
    ['the Playground\'s order: installationUpdate, then the user added: one welcome', ALEX, PERSONAL, [install('add'), userAdded(ALEX)], [hello]],
    ['a user added to a Teams personal chat without an install says nothing (the install welcomes)', ALEX, PERSONAL, [userAdded(ALEX)], []],
    ['an upgrade after the install is not a second welcome', ALEX, PERSONAL, [botAdded, install('add'), install('add-upgrade')], [hello]],
    ['the bot added on its own says nothing (Teams sends installationUpdate next)', ALEX, PERSONAL, [botAdded], []],
    ['installationUpdate remove says nothing', ALEX, PERSONAL, [install('remove')], []],
    ['membersRemoved says nothing', ALEX, PERSONAL, [removed(ALEX), removed(BOT)], []],
    ['install, remove, install again: welcomed on each install, nothing on removal', ALEX, PERSONAL, [botAdded, install('add'), install('remove'), removed(BOT), botAdded, install('add')], [hello, hello]],
    ['an unknown user installing is told who to ask, once', STRANGER, PERSONAL, [botAdded, install('add'), userAdded(STRANGER)], [t('common.unknownUser')]],
    ['installed in a group chat: the personal-chat notice, no greeting by name', ALEX, GROUP, [botAdded, install('add')], [t('common.personalOnly')]],
    ['someone joining a Teams group chat gets the personal-chat notice', ALEX, GROUP, [userAdded(ALEX)], [t('common.personalOnly')]],
    ['the welcome does not stop the next message being answered', ALEX, PERSONAL, [install('add'), 'help'], [hello, t('common.help')]],
  ];
  for (const [what, from, conversation, events, expected] of table) {
    it(what, async () => {
      assert.deepEqual(await replies(from, conversation, events), expected);
    });
  }

  it('other channels (Web Chat, the Emulator) still welcome whoever joins', async () => {
    const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock });
    const adapter = new TestAdapter((ctx) => bot.run(ctx), { channelId: 'directline', from: { id: 'alex', name: 'Alex' }, recipient: BOT, conversation: PERSONAL, serviceUrl: 'http://localhost' });
    await adapter.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'alex', name: 'Alex' }] });
    assert.deepEqual(adapter.activeQueue.splice(0).map((a) => a.text), [hello]);
  });
});
