import assert from 'node:assert/strict';
import { ActivityTypes, ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import pino from 'pino';
import { SeenBot } from '../../bot/seen-bot';
import { t } from '../../prompts';
import { AuditedCaseRecords } from '../../adapters/sql/audited-case-records';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { demoRecords, fixedClock } from '../helpers/records';
import { playBot, type Expect, type Turn } from '../helpers/turns';
import type { Db } from '../../adapters/sql/database';
import type { SqlCaseRecords } from '../../adapters/sql/case-records';

// Issue 16.3: a supervisor prepares their team's case read-only, the read is audited; everyone else is still refused.
type Row = Turn;

const planFor = (ref: string) => (a: Partial<Activity>) => {
  const content = JSON.stringify(a.attachments?.[0]?.content ?? {});
  assert.equal(a.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
  assert.match(content, new RegExp(`Before your visit: ${ref}`));
};
const press = (value: unknown): Partial<Activity> => ({ type: ActivityTypes.Message, value });
const readOnly = (ref: string, practitioner: string) => t('prepare.readOnly', { ref, practitioner });

describe('prepare: a supervisor reads a team case, read-only and audited', () => {
  let db: Db;
  let records: SqlCaseRecords;
  let log: SqlAuditLog;
  beforeEach(async () => {
    ({ db, records } = await demoRecords());
    log = new SqlAuditLog(db);
    // A supervisor of the other team, and a disabled one, so refusals are tested against supervisors too.
    await records.upsertUser({ id: 'sol', name: 'Sol Grant', role: 'supervisor', team: 'South', aadObjectId: null, disabled: false });
    await records.upsertUser({ id: 'nia', name: 'Nia Cole', role: 'practitioner', team: 'North', aadObjectId: null, disabled: false });
    await records.upsertUser({ id: 'dee', name: 'Dee Lowe', role: 'supervisor', team: 'North', aadObjectId: null, disabled: true });
  });
  afterEach(() => db.close());

  async function play(userId: string, rows: Row[]): Promise<void> {
    const audited = new AuditedCaseRecords(records, log, fixedClock, () => ({ actor: userId, path: 'chat' }));
    const bot = new SeenBot({ conversationState: new ConversationState(new MemoryStorage()), records: audited, logger: pino({ level: 'silent' }), today: fixedClock });
    await playBot(bot, userId, rows);
  }
  /** The audit entries `actor` left on a case, as "operation outcome". */
  const trail = async (actor: string, ref: string) => (await log.listForCase(ref)).filter((e) => e.actor === actor).map((e) => `${e.operation} ${e.outcome}`);

  const samReadsDemo2: Expect[] = [readOnly('DEMO-2', 'Alex Morgan'), planFor('DEMO-2')];
  // [what, user, turns, the case whose audit trail is checked, what that user's entries on it must (or must not) include]
  const table: Array<[string, string, Row[], string, { has?: string[]; hasNot?: string[] }]> = [
    ['sam types "prepare DEMO-2": the read-only notice and the plan, no safety question, no write-up offer', 'sam',
      [['prepare DEMO-2', samReadsDemo2], ['yes', [t('common.notUnderstood')]]], 'DEMO-2', { has: ['case.read ok', 'summaries.read ok'] }],
    ['sam presses "Prepare DEMO-2" on the coverage card (Seen\'s own data)', 'sam', [[press({ action: 'prepare', caseRef: 'DEMO-2' }), samReadsDemo2]], 'DEMO-2', { has: ['summaries.read ok'] }],
    ['sam presses an older coverage card\'s button (imBack wrappers)', 'sam',
      [[press({ __isBotFrameworkCardAction: true, cardAction: { type: 'imBack', value: 'prepare DEMO-2' }, msteams: { type: 'imBack', value: 'prepare DEMO-2' } }), samReadsDemo2]], 'DEMO-2', { has: ['summaries.read ok'] }],
    ['sam reads a case allocated to lee (same team)', 'sam', [['prepare demo-5', [readOnly('DEMO-5', 'Lee Walsh'), planFor('DEMO-5')]]], 'DEMO-5', { has: ['summaries.read ok'] }],
    ['after reading, sam still cannot write the case up', 'sam', [['prepare DEMO-2', samReadsDemo2], ['write up DEMO-2', [t('writeup.noCases')]]], 'DEMO-2', { hasNot: ['summary.save attempted'] }],
    // Unhappy paths.
    ['sam types "prepare" alone: told how a supervisor names a case', 'sam', [['prepare', [t('prepare.noCasesSupervisor')]]], 'DEMO-2', { hasNot: ['summaries.read ok'] }],
    ['sam names another team\'s case: not found in your team, nothing read', 'sam', [['prepare DEMO-4', [t('prepare.unknownTeamCase', { ref: 'DEMO-4' })]]], 'DEMO-4', { hasNot: ['summaries.read ok', 'men.list ok'] }],
    ['sam names a closed team case', 'sam', [['prepare DEMO-8', [t('prepare.unknownTeamCase', { ref: 'DEMO-8' })]]], 'DEMO-8', { hasNot: ['summaries.read ok'] }],
    ['sam names a case that does not exist', 'sam', [['prepare NOPE-1', [t('prepare.unknownTeamCase', { ref: 'NOPE-1' })]]], 'NOPE-1', { has: ['case.read not_found'] }],
    ['sol (South supervisor) cannot read North\'s DEMO-2', 'sol', [['prepare DEMO-2', [t('prepare.unknownTeamCase', { ref: 'DEMO-2' })]]], 'DEMO-2', { hasNot: ['summaries.read ok', 'men.list ok'] }],
    ['sol presses a Prepare button for North\'s case', 'sol', [[press({ action: 'prepare', caseRef: 'DEMO-2' }), [t('prepare.unknownTeamCase', { ref: 'DEMO-2' })]]], 'DEMO-2', { hasNot: ['summaries.read ok'] }],
    ['alex (practitioner) cannot read lee\'s DEMO-5 in the same team', 'alex', [['prepare DEMO-5', [t('prepare.unknownCase', { ref: 'DEMO-5' }), (a) => assert.ok(a.attachments?.length)]]], 'DEMO-5', { hasNot: ['summaries.read ok', 'men.list ok'] }],
    ['jo (South practitioner) cannot read DEMO-2', 'jo', [['prepare DEMO-2', [t('prepare.unknownCase', { ref: 'DEMO-2' }), (a) => assert.ok(a.attachments?.length)]]], 'DEMO-2', { hasNot: ['summaries.read ok'] }],
    ['alex still prepares their own DEMO-2 with the safety question', 'alex', [['prepare DEMO-2', [planFor('DEMO-2'), t('prepare.askSafety')]]], 'DEMO-2', { has: ['summaries.read ok'] }],
    ['a practitioner with no cases naming a team case is told they have none, nothing read', 'nia', [['prepare DEMO-2', [t('prepare.noCases')]]], 'DEMO-2', { hasNot: ['summaries.read ok'] }],
    ['pat (partnership lead) is refused', 'pat', [['prepare DEMO-2', [t('common.refusedPartnership')]]], 'DEMO-2', { hasNot: ['case.read ok', 'summaries.read ok'] }],
    ['a disabled supervisor is not recognised', 'dee', [['prepare DEMO-2', [t('common.unknownUser')]]], 'DEMO-2', { hasNot: ['case.read ok', 'summaries.read ok'] }],
  ];
  for (const [what, user, rows, ref, audit] of table) {
    it(what, async () => {
      await play(user, rows);
      const entries = await trail(user, ref);
      for (const e of audit.has ?? []) assert.ok(entries.includes(e), `audit has "${e}": ${entries.join(', ')}`);
      for (const e of audit.hasNot ?? []) assert.ok(!entries.includes(e), `audit has no "${e}": ${entries.join(', ')}`);
    });
  }
});
