import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { SeenBot } from '../../bot/seen-bot';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { matchRoute } from '../../bot/routes';
import type { CoverageOptions } from '../../dialogs/coverage/coverage-dialog';
import type { User } from '../../records/model';
import { t } from '../../prompts';
import { demoRecords, fixedClock } from '../helpers/records';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

// `coverage [team]` and `discussed <case>` through the real SeenBot on the SDK's TestAdapter, with the demo data.
describe('coverage: chat', () => {
  let db: Db;
  let records: SqlCaseRecords;
  beforeEach(async () => ({ db, records } = await demoRecords()));
  afterEach(() => db.close());

  function adapterFor(userId: string): TestAdapter {
    const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records, logger: pino({ level: 'silent' }), today: fixedClock, coverage: new SqlCoverage(db) });
    return new TestAdapter((ctx) => bot.run(ctx), { channelId: 'emulator', from: { id: userId, name: userId }, recipient: { id: 'seen', name: 'Seen' }, conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, serviceUrl: 'http://localhost' });
  }
  // Card body text and every button's command, flattened.
  const cardOf = (a: Partial<Activity>) => JSON.stringify(a.attachments?.[0]?.content ?? {});
  const commands = (a: Partial<Activity>) => [...cardOf(a).matchAll(/"data":\{"action":"(\w+)","caseRef":"([^"]+)"\}/g)].map((m) => `${m[1]} ${m[2]}`);

  const refusals: Array<[string, string, string, string]> = [
    ['a practitioner gets a clear refusal, not an empty report', 'alex', 'coverage', t('coverage.refusedRole')],
    ['a practitioner cannot mark a discussion', 'alex', 'discussed DEMO-5', t('coverage.refusedRole')],
    ['a partnership lead is pointed to the anonymised page', 'pat', 'coverage', t('coverage.refusedPartnership')],
    ['a supervisor cannot see another team', 'sam', 'coverage South', t('coverage.refusedTeam', { team: 'North' })],
    ['an unknown team is named with the teams there are', 'sam', 'coverage Atlantis', t('coverage.unknownTeam', { team: 'Atlantis', teams: 'North, South' })],
    ['a discussion on an unknown case is refused', 'sam', 'discussed NOPE-9', t('coverage.discussedUnknown', { ref: 'NOPE-9' })],
    ['a discussion where no factors combine says so', 'sam', 'discussed DEMO-1', t('coverage.discussedNone', { ref: 'DEMO-1' })],
  ];
  for (const [what, user, text, expected] of refusals) {
    it(what, async () => {
      await adapterFor(user).send(text).assertReply(expected);
    });
  }

  it('a supervisor gets the shares, then the lists as a card whose buttons send prepare <case>', async () => {
    await adapterFor('sam').send('coverage')
      .assertReply((a) => {
        assert.match(a.text ?? '', /Father coverage: team North, 5 open cases, 6 men recorded \(as of 2026-11-26\)/);
        assert.ok((a.text ?? '').includes(t('coverage.shareLine', { label: t('coverage.shareSeen'), count: 3, total: 5, percent: 60 })));
        assert.ok((a.text ?? '').includes(t('coverage.shareLineMen', { label: t('coverage.shareSeen'), count: 3, total: 6, percent: 50 })), 'the same measure in men (issue 17.2)');
        assert.match(a.text ?? '', /by month \(last 6 months\): 2026-06 \d+\/\d+ \(\d+%\), .*2026-11 \d+\/\d+/, 'the trend (issue 17.7)');
      })
      .assertReply((a) => {
        const cmds = commands(a);
        assert.ok(cmds.includes('prepare DEMO-1') && cmds.includes('prepare DEMO-2'), cmds.join());
        assert.ok(cmds.includes('prepare DEMO-5') && cmds.includes('discussed DEMO-5'), 'Jordan: not seen recently and factors combining');
        assert.ok(!cardOf(a).includes('DEMO-4') && !cardOf(a).includes('DEMO-8'), 'no other team, no closed case');
        assert.ok(cardOf(a).includes(`${t('coverage.listOverdueActions')} (0)`), 'overdue actions listed (issue 17.6)');
        assert.ok(!/msteams|cardAction|imBack/.test(cardOf(a)), 'Seen\'s own data only, the same on every channel (issue 16.2)');
      });
  });

  it('discussed <case> records it and takes him off the list', async () => {
    await adapterFor('sam').send('discussed demo-5').assertReply(t('coverage.discussedSaved', { men: 'Jordan (fictional)', ref: 'DEMO-5', date: '2026-11-26' }))
      .send('coverage north').assertReply((a) => assert.match(a.text ?? '', /Father coverage/)).assertReply((a) => assert.ok(!commands(a).includes('discussed DEMO-5')));
  });

  const parse: Array<[string, CoverageOptions['command'] | undefined]> = [
    ['coverage', { kind: 'report', team: null }],
    ['Coverage North ', { kind: 'report', team: 'North' }],
    ['coverage for team South', { kind: 'report', team: 'South' }],
    ['discussed demo-5', { kind: 'discussed', caseRef: 'DEMO-5' }],
    ['discussed', undefined],
    ['coverage of everything; drop table', undefined],
    ['what is coverage', undefined],
  ];
  for (const [text, expected] of parse) it(`parses ${JSON.stringify(text)}`, () => {
    const m = matchRoute(text);
    const command = m && m.route.dialog === 'coverage' ? (m.route.options(m.argument, { id: 'sam' } as User) as CoverageOptions).command : undefined;
    assert.deepEqual(command, expected);
  });
});
