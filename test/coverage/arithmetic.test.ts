import assert from 'node:assert/strict';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { emptyDomains, type SummaryDraft, type User } from '../../records/model';
import { CoverageRefusedError, checkPartnership, daysBetween, daysBefore, percent, teamFor, trendMonths } from '../../records/coverage';
import type { DomainId } from '../../records/practice-model';
import { fixedClock } from '../helpers/records';

const TODAY = '2026-11-26';
const user = (id: string, role: User['role'], team: string): User => ({ id, name: `${id} (fictional)`, role, team, aadObjectId: null, disabled: false });

// A contact with the given seen status and own-account domains; everything else absent.
function contact(caseRef: string, manId: string, date: string, seen: 'seen' | 'spoken_to' | 'not_seen', own: DomainId[], extra: Partial<SummaryDraft> = {}): SummaryDraft {
  const domains = emptyDomains();
  for (const d of own) domains[d] = { ...domains[d], status: 'covered' };
  return {
    caseRef, manId, source: 'guided', domains, substances: [], cryingMessages: [], factors: [], gaps: [], actions: [],
    contact: { date, location: 'x', present: 'x', seenStatus: seen, notSeenReason: null },
    infoSought: { agencies: [], consentGiven: null, note: '' }, reflection: { anxious: null, jointVisitSuggested: false, note: '' }, ...extra,
  };
}

// Coverage arithmetic on hand-built cases: every figure below is counted by hand from the rows in `before`.
describe('coverage: arithmetic on hand-built cases', () => {
  let db: Db;
  let records: SqlCaseRecords;
  let coverage: SqlCoverage;
  before(async () => {
    db = await openTestDb();
    records = new SqlCaseRecords(db, fixedClock);
    coverage = new SqlCoverage(db);
    for (const u of [user('p1', 'practitioner', 'A'), user('p2', 'practitioner', 'A'), user('s1', 'supervisor', 'A'), user('p3', 'practitioner', 'B')]) await records.upsertUser(u);
    const c = (ref: string, practitionerId: string, team = 'A', open = true) => records.insertCase({ ref, babyName: 'b', babyDob: '2026-06-01', team, practitionerId, open, fictional: true });
    await c('C1', 'p1'); await c('C2', 'p1'); await c('C3', 'p2'); await c('C4', 'p2'); await c('C5', 'p1', 'A', false); await c('C6', 'p3', 'B');
    const man = (id: string, caseRef: string) => records.addMan({ id, caseRef, name: `${id} (fictional)`, role: 'birth_father', identified: true, resident: true });
    await man('m1', 'C1'); await man('m2a', 'C2'); await man('m2b', 'C2'); await man('m3', 'C3'); await man('m5', 'C5'); await man('m6', 'C6');
    // C4 has no man recorded: it counts against every share.
    // m1: seen long ago (all eight domains his own account), not seen since; crying and GP; three factors.
    await records.saveSummary(contact('C1', 'm1', '2026-08-01', 'seen', ['life_history', 'fatherhood_ideas', 'frustration_coping', 'substance_use', 'parenting_knowledge', 'mental_health', 'relationship_safety', 'pressures'], { cryingMessages: ['never_shake'], infoSought: { agencies: ['gp'], consentGiven: true, note: '' }, factors: ['childhood_adversity', 'domestic_abuse'] }), 'p1');
    await records.saveSummary(contact('C1', 'm1', '2026-11-20', 'not_seen', [], { factors: ['mental_ill_health'] }), 'p1');
    // C2: m2a spoken to recently with life history; m2b never seen (second-hand only) → the case does not count as seen.
    await records.saveSummary(contact('C2', 'm2a', '2026-11-10', 'spoken_to', ['life_history']), 'p1');
    const secondhand = contact('C2', 'm2b', '2026-11-10', 'not_seen', []);
    secondhand.domains.pressures = { ...secondhand.domains.pressures, status: 'secondhand' };
    await records.saveSummary(secondhand, 'p1');
    // m3: no contacts at all. m5 on a closed case and m6 in team B: never in team A's figures.
    await records.saveSummary(contact('C5', 'm5', '2026-11-01', 'seen', ['life_history']), 'p1');
    await records.saveSummary(contact('C6', 'm6', '2026-11-01', 'seen', ['life_history', 'fatherhood_ideas', 'frustration_coping', 'substance_use', 'pressures']), 'p3');
  });
  after(() => db.close());

  it('team shares count open cases where every man meets the test; closed cases and other teams are out', async () => {
    const r = await coverage.teamCoverage('A', { today: TODAY });
    assert.equal(r.openCases, 4);
    assert.equal(r.men, 4);
    assert.deepEqual(r.fatherSeen, { count: 1, total: 4 });
    assert.deepEqual(r.domains.life_history, { count: 1, total: 4 });
    assert.deepEqual(r.domains.pressures, { count: 1, total: 4 });
    assert.deepEqual(r.crying, { count: 1, total: 4 });
    assert.deepEqual(r.infoSought, { count: 1, total: 4 });
    assert.equal(percent(r.fatherSeen), 25);
  });

  it('lists: never seen, not seen in 30 days (with days), topics never explored, factors combining across contacts', async () => {
    const r = await coverage.teamCoverage('A', { today: TODAY });
    assert.deepEqual(r.lists.neverSeen.items.map((i) => i.manId), ['m2b', 'm3']);
    assert.deepEqual(r.lists.notSeenRecently.items.map((i) => [i.manId, i.lastSeen, i.daysSinceSeen]), [['m1', '2026-08-01', 117]]);
    assert.deepEqual(r.lists.domainsNeverExplored.items.map((i) => [i.manId, i.neverExplored.length]), [['m2a', 7], ['m2b', 7], ['m3', 8]]);
    assert.deepEqual(r.lists.factorsNotDiscussed.items.map((i) => [i.manId, i.factorCount]), [['m1', 3]]);
  });

  it('a recorded supervision discussion takes him off the factors list and shows on his coverage', async () => {
    await coverage.recordDiscussion({ caseRef: 'C1', manId: 'm1', discussedOn: TODAY }, 's1', `${TODAY}T10:00:00.000Z`);
    assert.equal((await coverage.teamCoverage('A', { today: TODAY })).lists.factorsNotDiscussed.total, 0);
    const [m1] = await coverage.caseCoverage('C1', TODAY);
    assert.equal(m1!.discussedOn, TODAY);
    assert.equal(m1!.factorsCombine, true);
    await assert.rejects(coverage.recordDiscussion({ caseRef: 'C1', manId: 'm3', discussedOn: TODAY }, 's1', `${TODAY}T10:00:00.000Z`), /not found/);
  });

  it('per man: seen at any contact vs at the latest, each domain\'s latest status and date, days since seen', async () => {
    const [m1] = await coverage.caseCoverage('C1', TODAY);
    assert.equal(m1!.everSeen, true);
    assert.equal(m1!.seenAtLatest, false);
    assert.equal(m1!.daysSinceSeen, 117);
    assert.deepEqual(m1!.domains.pressures, { status: 'covered', date: '2026-08-01', everOwnAccount: true });
    const [, m2b] = await coverage.caseCoverage('C2', TODAY);
    assert.deepEqual(m2b!.domains.pressures, { status: 'secondhand', date: '2026-11-10', everOwnAccount: false });
    assert.equal(m2b!.seenAtLatest, false);
  });

  it('the period narrows the contacts counted in the shares, never the lists: seen 117 days ago is not "never seen" (issue 17.1)', async () => {
    const recent = await coverage.teamCoverage('A', { today: TODAY, since: daysBefore(TODAY, 30) });
    assert.deepEqual(recent.fatherSeen, { count: 0, total: 4 });
    assert.deepEqual(recent.byMan.fatherSeen, { count: 1, total: 4 }, 'm2a was spoken to within the period');
    assert.deepEqual(recent.domains.life_history, { count: 0, total: 4 });
    assert.deepEqual(recent.byMan.domains.life_history, { count: 1, total: 4 });
    assert.deepEqual(recent.lists.neverSeen.items.map((i) => i.manId), ['m2b', 'm3']);
    assert.deepEqual(recent.lists.notSeenRecently.items.map((i) => [i.manId, i.lastSeen, i.daysSinceSeen]), [['m1', '2026-08-01', 117]]);
    assert.deepEqual(recent.lists.domainsNeverExplored.items.map((i) => i.manId), ['m2a', 'm2b', 'm3']);
    const ninety = await coverage.teamCoverage('A', { today: TODAY, since: daysBefore(TODAY, 90) });
    assert.deepEqual(ninety.lists.neverSeen.items.map((i) => i.manId), ['m2b', 'm3']);
    const p2 = await coverage.teamCoverage('A', { today: TODAY, practitionerId: 'p2' });
    assert.equal(p2.openCases, 2);
    assert.deepEqual(p2.fatherSeen, { count: 0, total: 2 });
  });

  it('a correction replaces the facts of the summary it corrects', async () => {
    const s = await records.saveSummary(contact('C3', 'm3', '2026-11-25', 'not_seen', []), 'p2');
    assert.deepEqual((await coverage.teamCoverage('A', { today: TODAY, practitionerId: 'p2' })).fatherSeen, { count: 0, total: 2 });
    await records.correctSummary(s.summaryId, contact('C3', 'm3', '2026-11-25', 'seen', []), 'p2');
    assert.deepEqual((await coverage.teamCoverage('A', { today: TODAY, practitionerId: 'p2' })).fatherSeen, { count: 1, total: 2 });
  });

  it('partnership: per-team counts of men seen and with a detailed picture (5+ own-account topics), topics never explored', async () => {
    const p = await coverage.partnershipCoverage({ today: TODAY });
    assert.deepEqual(p.teams, [
      { team: 'A', openCases: 4, men: 4, casesSeen: 2, menSeen: 3, menDetailed: 1 },
      { team: 'B', openCases: 1, men: 1, casesSeen: 1, menSeen: 1, menDetailed: 1 },
    ]);
    // Ties keep the practice model's order.
    assert.deepEqual(p.neverExplored.slice(-2), [{ domain: 'life_history', count: 2, total: 5 }, { domain: 'pressures', count: 2, total: 5 }]);
    assert.deepEqual(p.neverExplored[0], { domain: 'parenting_knowledge', count: 4, total: 5 });
  });

  it('the team view and the partnership view agree on one team, each in its own unit: cases and men (issue 17.2)', async () => {
    for (const since of [null, daysBefore(TODAY, 30)]) {
      const team = await coverage.teamCoverage('A', { today: TODAY, since });
      const row = (await coverage.partnershipCoverage({ today: TODAY, since })).teams.find((x) => x.team === 'A')!;
      assert.deepEqual([row.openCases, row.casesSeen], [team.fatherSeen.total, team.fatherSeen.count], `cases, since ${since}`);
      assert.deepEqual([row.men, row.menSeen, row.menDetailed], [team.byMan.fatherSeen.total, team.byMan.fatherSeen.count, team.byMan.detailed.count], `men, since ${since}`);
    }
    const all = await coverage.teamCoverage('A', { today: TODAY });
    assert.deepEqual(all.byMan.fatherSeen, { count: 3, total: 4 });
    assert.deepEqual(all.byMan.detailed, { count: 1, total: 4 });
    assert.deepEqual(all.byMan.crying, { count: 1, total: 4 });
  });

  it('lists are cut at the limit but count every man', async () => {
    const r = await coverage.teamCoverage('A', { today: TODAY, listLimit: 1 });
    assert.equal(r.lists.domainsNeverExplored.items.length, 1);
    assert.equal(r.lists.domainsNeverExplored.total, 3);
  });

  it('trend: each measure by month in men with a write-up that month, closed cases included, every month present (issue 17.7)', async () => {
    const r = await coverage.teamCoverage('A', { today: TODAY, trendMonths: 6 });
    assert.deepEqual(r.trend.map((p) => p.month), ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const [aug, nov] = [r.trend[2]!, r.trend[5]!];
    assert.deepEqual([aug.men, aug.fatherSeen, aug.detailed, aug.crying, aug.infoSought], [1, { count: 1, total: 1 }, { count: 1, total: 1 }, { count: 1, total: 1 }, { count: 1, total: 1 }]);
    // November: m1 (not seen), m2a (spoken to), m2b (not seen), m3 (seen, by correction), m5 (seen, on the closed case).
    assert.deepEqual([nov.men, nov.fatherSeen, nov.domains.life_history, nov.detailed], [5, { count: 3, total: 5 }, { count: 2, total: 5 }, { count: 0, total: 5 }]);
    assert.deepEqual(r.trend[0], { month: '2026-06', men: 0, fatherSeen: { count: 0, total: 0 }, domains: Object.fromEntries(Object.keys(nov.domains).map((d) => [d, { count: 0, total: 0 }])), crying: { count: 0, total: 0 }, infoSought: { count: 0, total: 0 }, detailed: { count: 0, total: 0 } });
    assert.equal((await coverage.teamCoverage('A', { today: TODAY, trendMonths: 12 })).trend.length, 12);
    assert.deepEqual((await coverage.teamCoverage('A', { today: TODAY })).trend, [], 'no trend unless asked');
    const p2 = await coverage.teamCoverage('A', { today: TODAY, trendMonths: 6, practitionerId: 'p2' });
    assert.deepEqual(p2.trend[5]!.fatherSeen, { count: 1, total: 1 });
    const p = await coverage.partnershipCoverage({ today: TODAY, trendMonths: 6 });
    assert.deepEqual([p.trend[5]!.men, p.trend[5]!.fatherSeen, p.trend[5]!.detailed], [6, { count: 4, total: 6 }, { count: 1, total: 6 }]);
    assert.deepEqual(trendMonths('2026-01-15', 3), ['2025-11', '2025-12', '2026-01']);
  });

  const access: Array<[string, User, string | null, 'ok' | 'role' | 'team']> = [
    ['a supervisor, own team', user('s', 'supervisor', 'A'), null, 'ok'],
    ['a supervisor, another team', user('s', 'supervisor', 'A'), 'B', 'team'],
    ['a practitioner', user('p', 'practitioner', 'A'), null, 'role'],
    ['a partnership lead', user('l', 'partnership_lead', 'P'), null, 'role'],
    ['an admin', user('a', 'admin', 'A'), null, 'role'],
  ];
  for (const [what, u, team, expected] of access) {
    it(`team coverage access: ${what} → ${expected}`, () => {
      if (expected === 'ok') return assert.equal(teamFor(u, team), u.team);
      assert.throws(() => teamFor(u, team), (e: unknown) => e instanceof CoverageRefusedError && e.reason === expected);
    });
  }

  it('partnership figures: leads and supervisors yes, practitioners no; helpers are exact', () => {
    checkPartnership(user('l', 'partnership_lead', 'P'));
    checkPartnership(user('s', 'supervisor', 'A'));
    assert.throws(() => checkPartnership(user('p', 'practitioner', 'A')), CoverageRefusedError);
    assert.equal(percent({ count: 0, total: 0 }), 0);
    assert.equal(percent({ count: 2, total: 3 }), 67);
    assert.equal(daysBetween('2026-10-27', TODAY), 30);
    assert.equal(daysBefore(TODAY, 30), '2026-10-27');
  });
});
