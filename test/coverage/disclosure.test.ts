import assert from 'node:assert/strict';
import { protectColumn, publishPartnership, publishShare, SMALLEST, type PublishedPartnership } from '../../records/coverage-publish';
import type { PartnershipCoverage, PartnershipTeam } from '../../records/coverage';
import { DOMAIN_IDS } from '../../records/practice-model';

const team = (name: string, openCases: number, men: number, casesSeen: number, menSeen: number, menDetailed: number): PartnershipTeam =>
  ({ team: name, openCases, men, casesSeen, menSeen, menDetailed });
const raw = (teams: PartnershipTeam[], never = 0): PartnershipCoverage => {
  const men = teams.reduce((s, t) => s + t.men, 0);
  return { today: '2026-11-26', since: null, teams, neverExplored: DOMAIN_IDS.map((domain) => ({ domain, count: never, total: men })), trend: [] };
};

/** Every figure a published report carries, with where it is. */
function figures(p: PublishedPartnership): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const t of [...p.teams, p.all]) {
    if (t.openCases !== null) out.push([`${t.team}.openCases`, t.openCases]);
    if (t.men !== null) out.push([`${t.team}.men`, t.men]);
    for (const k of ['casesSeen', 'menSeen', 'menDetailed'] as const) {
      const s = t[k];
      if (s.count !== null) out.push([`${t.team}.${k}.count`, s.count]);
      if (s.total !== null) out.push([`${t.team}.${k}.total`, s.total]);
      if (s.count !== null && s.total !== null) out.push([`${t.team}.${k}.implied`, s.total - s.count]);
    }
  }
  for (const d of p.neverExplored) {
    if (d.share.count !== null) out.push([`never.${d.domain}`, d.share.count]);
    if (d.share.count !== null && d.share.total !== null) out.push([`never.${d.domain}.implied`, d.share.total - d.share.count]);
  }
  return out;
}
const smallOnes = (p: PublishedPartnership) => figures(p).filter(([, n]) => n > 0 && n < SMALLEST);

// Disclosure control (issue 17.3): no published count, total or implied count of 1–4, and no total that gives one away.
describe('coverage: disclosure control of partnership figures', () => {
  const shares: Array<[string, { count: number; total: number }, { count: number | null; total: number | null; percent: number | null }]> = [
    ['a large share is published whole', { count: 10, total: 20 }, { count: 10, total: 20, percent: 50 }],
    ['a count of 1 is suppressed, with its percentage', { count: 1, total: 20 }, { count: null, total: 20, percent: null }],
    ['a count of 4 is suppressed', { count: 4, total: 20 }, { count: null, total: 20, percent: null }],
    ['a count of 5 is published', { count: 5, total: 20 }, { count: 5, total: 20, percent: 25 }],
    ['a count whose remainder is 1–4 is suppressed (19 of 20 says 1 was not)', { count: 19, total: 20 }, { count: null, total: 20, percent: null }],
    ['a total of 2 men publishes nothing', { count: 1, total: 2 }, { count: null, total: null, percent: null }],
    ['zero of zero is zero', { count: 0, total: 0 }, { count: 0, total: 0, percent: 0 }],
    ['zero of many is published', { count: 0, total: 30 }, { count: 0, total: 30, percent: 0 }],
  ];
  for (const [what, f, expected] of shares) it(`share: ${what}`, () => assert.deepEqual(publishShare(f), expected));

  const columns: Array<[string, number[], boolean[], boolean, boolean[]]> = [
    ['nothing hidden stays so', [10, 20], [false, false], true, [false, false]],
    ['one hidden cell takes the smallest other non-zero cell with it', [3, 20, 8, 0], [true, false, false, false], true, [true, false, true, false]],
    ['two hidden cells are safe', [3, 2, 20], [true, true, false], true, [true, true, false]],
    ['with no total shown nothing more is hidden', [3, 20], [true, false], false, [true, false]],
  ];
  for (const [what, values, hidden, total, expected] of columns) it(`column: ${what}`, () => assert.deepEqual(protectColumn(values, hidden, total), expected));

  const reports: Array<[string, PartnershipTeam[], number]> = [
    ['the demo partnership (South: 2 men, 1 seen)', [team('North', 5, 6, 3, 4, 1), team('South', 2, 2, 1, 1, 1)], 3],
    ['one small team among large ones', [team('A', 40, 50, 20, 25, 10), team('B', 30, 35, 15, 20, 8), team('C', 3, 3, 1, 2, 0)], 20],
    ['every team large', [team('A', 40, 50, 20, 25, 10), team('B', 30, 35, 15, 20, 8)], 40],
    ['a remainder of 1 in one team', [team('A', 40, 50, 20, 49, 10), team('B', 30, 35, 15, 20, 8), team('C', 30, 35, 15, 20, 6)], 2],
    ['no teams', [], 0],
  ];
  for (const [what, teams, never] of reports) {
    it(`report: ${what} publishes no count of 1–4, directly, by remainder or by subtraction from a total`, () => {
      const p = publishPartnership(raw(teams, never));
      assert.deepEqual(smallOnes(p), []);
      // Subtraction: for each column, the published total minus the published cells never gives a hidden cell alone.
      for (const k of ['casesSeen', 'menSeen', 'menDetailed'] as const) {
        const hidden = p.teams.filter((t) => t[k].count === null);
        if (p.all[k].count !== null) assert.notEqual(hidden.length, 1, `${k}: one hidden cell and a published total`);
      }
      for (const k of ['men', 'openCases'] as const) {
        if (p.all[k] !== null) assert.notEqual(p.teams.filter((t) => t[k] === null).length, 1, `${k}: one hidden cell and a published total`);
      }
    });
  }

  it('a team of 2 men publishes no figure at all; large teams keep theirs', () => {
    const p = publishPartnership(raw([team('A', 40, 50, 20, 25, 10), team('B', 30, 35, 15, 20, 8), team('C', 3, 3, 1, 2, 0)]));
    const c = p.teams.find((t) => t.team === 'C')!;
    assert.deepEqual(c, { team: 'C', openCases: null, men: null, casesSeen: { count: null, total: null, percent: null }, menSeen: { count: null, total: null, percent: null }, menDetailed: { count: null, total: null, percent: null } });
    assert.deepEqual(p.teams.find((t) => t.team === 'A')!.menSeen, { count: 25, total: 50, percent: 50 });
    assert.equal(p.all.men, 88);
  });
});
