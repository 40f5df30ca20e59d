import assert from 'node:assert/strict';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { emptyDomains, type SummaryDraft, type User } from '../../records/model';
import { openActions, parseActionLine } from '../../records/actions';
import { buildPreparePlan } from '../../records/prepare-plan';
import { actionsFrom, doneFrom } from '../../dialogs/writeup/draft';
import { corrected } from '../../dialogs/writeup/correct-dialog';
import { fixedClock } from '../helpers/records';

const TODAY = '2026-11-26';
const user = (id: string, role: User['role'], team: string): User => ({ id, name: `${id} (fictional)`, role, team, aadObjectId: null, disabled: false });
const contact = (caseRef: string, manId: string, date: string, extra: Partial<SummaryDraft> = {}): SummaryDraft => ({
  caseRef, manId, source: 'guided', domains: emptyDomains(), substances: [], cryingMessages: [], factors: [], gaps: [], actions: [],
  contact: { date, location: 'x', present: 'x', seenStatus: 'seen', notSeenReason: null },
  infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: null, jointVisitSuggested: false, note: '' }, ...extra,
});
const item = (id: string, text: string, ownerId: string, dueOn: string | null) => ({ id, text, ownerId, dueOn });

// Actions agreed, followed up (issue 17.6): owner and due date stored with the summary, projected for coverage, done later.
describe('coverage: actions with an owner and a due date', () => {
  let db: Db;
  let records: SqlCaseRecords;
  let coverage: SqlCoverage;
  let first: string;
  before(async () => {
    db = await openTestDb();
    records = new SqlCaseRecords(db, fixedClock);
    coverage = new SqlCoverage(db);
    for (const u of [user('p1', 'practitioner', 'A'), user('p2', 'practitioner', 'A'), user('p3', 'practitioner', 'B')]) await records.upsertUser(u);
    await records.insertCase({ ref: 'C1', babyName: 'b', babyDob: '2026-06-01', team: 'A', practitionerId: 'p1', open: true, fictional: true });
    await records.insertCase({ ref: 'C2', babyName: 'b', babyDob: '2026-06-01', team: 'B', practitionerId: 'p3', open: true, fictional: true });
    await records.addMan({ id: 'm1', caseRef: 'C1', name: 'm1 (fictional)', role: 'birth_father', identified: true, resident: true });
    await records.addMan({ id: 'm2', caseRef: 'C2', name: 'm2 (fictional)', role: 'birth_father', identified: true, resident: true });
    const a = [item('a1', 'Call the GP by 2026-11-01', 'p1', '2026-11-01'), item('a2', 'Book the nursery visit by 2026-12-31', 'p1', '2026-12-31'), item('a3', 'Send the leaflet', 'p2', null), item('a4', 'Joint visit by 2026-11-20', 'p2', '2026-11-20')];
    first = (await records.saveSummary(contact('C1', 'm1', '2026-10-20', { actions: a.map((x) => x.text), actionItems: a }), 'p1')).summaryId;
    await records.saveSummary(contact('C2', 'm2', '2026-10-20', { actions: ['x'], actionItems: [item('b1', 'Other team, overdue', 'p3', '2026-11-01')] }), 'p3');
  });
  after(() => db.close());

  it('coverage lists overdue actions per practitioner: past due, not done, this team only, with days overdue', async () => {
    const r = await coverage.teamCoverage('A', { today: TODAY });
    assert.deepEqual(r.overdueActions.items.map((i) => [i.ownerId, i.caseRef, i.text, i.dueOn, i.daysOverdue]), [
      ['p1', 'C1', 'Call the GP by 2026-11-01', '2026-11-01', 25],
      ['p2', 'C1', 'Joint visit by 2026-11-20', '2026-11-20', 6],
    ]);
    assert.equal(r.overdueActions.total, 2);
    assert.equal((await coverage.teamCoverage('A', { today: TODAY, practitionerId: 'p2' })).overdueActions.total, 0, 'C1 is p1\'s case');
  });

  it('prepare shows his open actions; a later write-up marks some done and they leave both lists', async () => {
    const open = openActions(await records.latestSummaries('C1'), 'm1');
    assert.deepEqual(open.map((o) => o.id), ['a1', 'a2', 'a3', 'a4']);
    const plan = buildPreparePlan({ case: (await records.getCase('C1'))!, men: await records.listMen('C1'), summaries: await records.latestSummaries('C1'), discussedOn: {}, variants: () => 1 });
    assert.deepEqual(plan.men[0]!.reminders.filter((r) => r.code === 'action').map((r) => r.code === 'action' && [r.text, r.dueOn]), [
      ['Call the GP by 2026-11-01', '2026-11-01'], ['Book the nursery visit by 2026-12-31', '2026-12-31'], ['Send the leaflet', null], ['Joint visit by 2026-11-20', '2026-11-20'],
    ]);
    await records.saveSummary(contact('C1', 'm1', '2026-11-25', { actionsDone: doneFrom('1 and 4', open) }), 'p1');
    assert.deepEqual(openActions(await records.latestSummaries('C1'), 'm1').map((o) => o.id), ['a2', 'a3']);
    assert.equal((await coverage.teamCoverage('A', { today: TODAY })).overdueActions.total, 0);
    const done = await db.all<{ id: string; done_on: string | null }>("SELECT id, done_on FROM action_items WHERE case_ref = 'C1' ORDER BY id");
    assert.deepEqual(done.map((d) => [d.id, d.done_on]), [['a1', '2026-11-25'], ['a2', null], ['a3', null], ['a4', '2026-11-25']]);
  });

  it('a correction of the actions replaces them (new words, owner and due date), and the overdue list follows', async () => {
    const [saved] = (await records.latestSummaries('C1')).filter((s) => s.summaryId === first);
    await records.correctSummary(first, corrected(saved!, 'Call the health visitor by 2026-11-10'), 'p1');
    const r = await coverage.teamCoverage('A', { today: TODAY });
    assert.deepEqual(r.overdueActions.items.map((i) => [i.ownerId, i.text, i.daysOverdue]), [['p1', 'Call the health visitor by 2026-11-10', 16]]);
    assert.deepEqual((await db.all<{ n: number }>("SELECT count(*) AS n FROM action_items WHERE summary_id = ?", [first]))[0]!.n, 1);
  });

  const lines: Array<[string, { text: string; dueOn: string | null }]> = [
    ['Call the GP by 2026-12-10', { text: 'Call the GP by 2026-12-10', dueOn: '2026-12-10' }],
    ['Send leaflet due 2026-12-01.', { text: 'Send leaflet due 2026-12-01.', dueOn: '2026-12-01' }],
    ['Send leaflet', { text: 'Send leaflet', dueOn: null }],
    ['Meet by the bridge', { text: 'Meet by the bridge', dueOn: null }],
    ['Call by 2026-13-45', { text: 'Call by 2026-13-45', dueOn: null }],
    ['by 2026-12-10 call him', { text: 'by 2026-12-10 call him', dueOn: null }],
  ];
  for (const [line, expected] of lines) it(`action line ${JSON.stringify(line)} → due ${expected.dueOn}`, () => assert.deepEqual(parseActionLine(line), expected));

  it('the write-up owns each action by the practitioner; "1, 3", "all" and "none" pick the done ones', () => {
    const { actions, actionItems } = actionsFrom('- Call the GP by 2026-12-10\n- Send leaflet', 'alex');
    assert.deepEqual(actions, ['Call the GP by 2026-12-10', 'Send leaflet']);
    assert.deepEqual(actionItems.map((a) => [a.ownerId, a.dueOn]), [['alex', '2026-12-10'], ['alex', null]]);
    assert.deepEqual(actionsFrom('none', 'alex'), { actions: [], actionItems: [] });
    const open = ['x', 'y', 'z'].map((id) => ({ id, text: id, ownerId: 'alex', dueOn: null, agreedOn: TODAY }));
    assert.deepEqual(doneFrom('1, 3', open), ['x', 'z']);
    assert.deepEqual(doneFrom('all', open), ['x', 'y', 'z']);
    assert.deepEqual(doneFrom('none', open), []);
    assert.deepEqual(doneFrom('7', open), [], 'a number not on the list marks nothing');
  });
});
