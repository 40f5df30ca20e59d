import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { csvCell, PARTNERSHIP_CSV_HEADER, TEAM_CSV_HEADER } from '../../views/exporters/coverage-csv';
import { TEST_NOW } from '../helpers/records';
import { IDENTIFYING_WORDS, parseCsv } from './helpers';
import { testDbEnv } from '../helpers/database';

// The /coverage API over HTTP on a real Seen with the demo data: identity, refusals, anonymisation, CSV.
describe('coverage: page API and CSV', () => {
  let dir: string;
  let seen: Seen;
  let base: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-coverage-'));
    seen = await composeSeen(loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' }), createLogger('silent'), { now: () => TEST_NOW });
    base = (await seen.listen()).url;
  });
  after(async () => {
    await seen?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  const statuses: Array<[string, string, number]> = [
    ['a supervisor sees their team', '/api/coverage/team?user=sam', 200],
    ['the user may come in a header', '/api/coverage/team', 200],
    ['a practitioner is refused the team view', '/api/coverage/team?user=alex', 403],
    ['a practitioner is refused the partnership view', '/api/coverage/partnership?user=alex', 403],
    ['a partnership lead is refused the team view', '/api/coverage/team.csv?user=pat', 403],
    ['a supervisor is refused another team', '/api/coverage/team?user=sam&team=South', 403],
    ['an unknown user is not identified', '/api/coverage/team?user=mallory', 401],
    ['no user at all is not identified', '/api/coverage/partnership', 401],
    ['an odd user id is refused before any lookup', '/api/coverage/team?user=%27%20OR%201%3D1', 401],
    ['an unknown filter is a bad request', '/api/coverage/team?user=sam&order=names', 400],
    ['a bad period is a bad request', '/api/coverage/team?user=sam&period=7', 400],
    ['the page itself is served', '/coverage', 200],
    ['Chart.js is served from Seen', '/vendor/chart.js', 200],
  ];
  for (const [what, path, status] of statuses) {
    it(`${what} (${status})`, async () => {
      const res = await get(path, path === '/api/coverage/team' ? { 'X-Seen-User': 'sam' } : {});
      assert.equal(res.status, status);
      // A refusal names nobody and no case.
      if (status >= 400) {
        const body = await res.text();
        assert.deepEqual(IDENTIFYING_WORDS.filter((w) => w.length > 3 && body.includes(w)), []);
      }
    });
  }

  it('the partnership JSON and CSV carry no name and no case reference, for a lead and for a supervisor', async () => {
    for (const user of ['pat', 'sam']) {
      for (const path of ['/api/coverage/partnership', '/api/coverage/partnership.csv', '/api/coverage/partnership?period=30']) {
        const res = await get(`${path}${path.includes('?') ? '&' : '?'}user=${user}`);
        assert.equal(res.status, 200, path);
        const body = await res.text();
        const leaks = IDENTIFYING_WORDS.filter((w) => body.includes(w));
        assert.deepEqual(leaks, [], `${path} as ${user}`);
        assert.match(body, /North/);
      }
    }
  });

  it('the team CSV parses as RFC 4180 and matches the JSON figure for figure', async () => {
    const json = (await (await get('/api/coverage/team?user=sam')).json()) as { fatherSeen: { count: number; total: number }; lists: Record<string, { total: number; items: Array<{ caseRef: string; manName: string }> }> };
    const res = await get('/api/coverage/team.csv?user=sam');
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="?coverage-North-2026-11-26\.csv"?$/);
    const rows = parseCsv(await res.text());
    assert.deepEqual(rows[0], [...TEAM_CSV_HEADER]);
    assert.ok(rows.every((r) => r.length === TEAM_CSV_HEADER.length));
    const seen = rows.find((r) => r[1] === 'father_seen')!;
    assert.deepEqual(seen.slice(2, 6), ['cases', String(json.fatherSeen.count), String(json.fatherSeen.total), '60']);
    assert.equal(rows.filter((r) => r[0] === 'share').length, 23);
    for (const [list, { items }] of Object.entries(json.lists)) {
      assert.deepEqual(rows.filter((r) => r[0] === list).map((r) => [r[6], r[7]]), items.map((i) => [i.caseRef, i.manName]), list);
    }
  });

  it('"last 30 days" keeps Jordan (seen 2026-09-10, 77 days before) on "not seen recently", never on "never seen" (issue 17.1)', async () => {
    type Lists = { lists: Record<string, { items: Array<{ manId: string; daysSinceSeen: number | null }> }> };
    for (const period of ['all', '30', '90']) {
      const r = (await (await get(`/api/coverage/team?user=sam&period=${period}`)).json()) as Lists;
      assert.ok(!r.lists.neverSeen!.items.some((i) => i.manId === 'demo-5-jordan'), `period ${period}: Jordan is not "never seen"`);
      assert.deepEqual(r.lists.notSeenRecently!.items.filter((i) => i.manId === 'demo-5-jordan').map((i) => i.daysSinceSeen), [77], `period ${period}`);
    }
  });

  it('every team figure says what it counts, in cases and in men, and agrees with the partnership computation (issue 17.2)', async () => {
    const team = (await (await get('/api/coverage/team?user=sam')).json()) as { openCases: number; men: number; fatherSeen: { count: number; total: number }; byMan: { fatherSeen: { count: number; total: number } } };
    assert.deepEqual(team.fatherSeen, { count: 3, total: 5 });
    assert.deepEqual(team.byMan.fatherSeen, { count: 3, total: 6 });
    const rows = parseCsv(await (await get('/api/coverage/team.csv?user=sam')).text());
    const seen = rows.filter((r) => r[0] === 'share' && r[1] === 'father_seen').map((r) => r.slice(2, 5));
    assert.deepEqual(seen, [['cases', '3', '5'], ['men', '3', '6']]);
    assert.ok(rows.filter((r) => r[0] === 'share').every((r) => r[2] === 'cases' || r[2] === 'men'), 'every share names its unit');
    const labels = ((await (await get('/api/coverage/me?user=sam')).json()) as { labels: Record<string, string> }).labels;
    assert.match(labels.fatherSeenRate!, /\(men\)/);
  });

  it('partnership figures publish no count of 1–4 for a team of fewer than 5 men, in JSON or CSV (issue 17.3)', async () => {
    const json = (await (await get('/api/coverage/partnership?user=pat')).json()) as { teams: Array<Record<string, unknown>> };
    const south = json.teams.find((t) => t.team === 'South')!;
    assert.deepEqual(south, { team: 'South', openCases: null, men: null, casesSeen: { count: null, total: null, percent: null }, menSeen: { count: null, total: null, percent: null }, menDetailed: { count: null, total: null, percent: null } });
    const numbers = JSON.stringify(json).match(/"(?:count|total|openCases|men)":\d+/g) ?? [];
    assert.deepEqual(numbers.filter((n) => /:[1-4]$/.test(n)), []);
    const csv = parseCsv(await (await get('/api/coverage/partnership.csv?user=pat')).text());
    assert.deepEqual(csv[0], [...PARTNERSHIP_CSV_HEADER]);
    assert.ok(csv.every((r) => r.length === PARTNERSHIP_CSV_HEADER.length));
    const smallCells = csv.slice(1).filter((r) => [r[4], r[5]].some((c) => /^[1-4]$/.test(c!)));
    assert.deepEqual(smallCells, []);
    assert.ok(csv.some((r) => r[1] === 'South' && r[7] === 'suppressed'));
  });

  it('every team view and CSV download is audited with the user, the team and the page path (issue 17.4)', async () => {
    const before = (await seen.audit.listForTeam('North')).length;
    await get('/api/coverage/team?user=sam&period=30');
    await get('/api/coverage/team.csv?user=sam');
    assert.equal((await get('/api/coverage/team?user=sam&team=South')).status, 403);
    const entries = (await seen.audit.listForTeam('North')).slice(before);
    assert.deepEqual(entries.map((e) => [e.actor, e.team, e.path, e.operation, e.outcome]), [
      ['sam', 'North', 'page', 'coverage.team.view', 'ok'],
      ['sam', 'North', 'page', 'coverage.team.csv', 'ok'],
    ]);
    assert.deepEqual(await seen.audit.listForTeam('South'), [], 'a refused read reads nothing');
  });

  it('a count opens the men and cases behind it, under the same filters; each opening is audited (issue 17.5)', async () => {
    type Members = { total: number; items: Array<{ caseRef: string; manId: string }> };
    const members = async (q: string) => (await (await get(`/api/coverage/team/members?user=sam&${q}`)).json()) as Members;
    const cases = await members('measure=father_seen&unit=cases');
    assert.deepEqual(cases.items.map((i) => i.caseRef), ['DEMO-3', 'DEMO-5', 'DEMO-6']);
    const men = await members('measure=father_seen&unit=men');
    assert.equal(men.total, 3);
    const recent = await members('measure=father_seen&unit=men&period=30');
    const recentTeam = (await (await get('/api/coverage/team?user=sam&period=30')).json()) as { byMan: { fatherSeen: { count: number } } };
    assert.equal(recent.total, recentTeam.byMan.fatherSeen.count, 'the period narrows the count and its list alike');
    assert.ok(recent.items.some((i) => i.manId === 'demo-6-sean') && !recent.items.some((i) => i.manId === 'demo-5-jordan'));
    assert.equal((await members('measure=detailed_picture&unit=men')).total, 1);
    const team = (await (await get('/api/coverage/team?user=sam')).json()) as { fatherSeen: { count: number }; byMan: { fatherSeen: { count: number } } };
    assert.deepEqual([cases.items.length, men.total], [team.fatherSeen.count, team.byMan.fatherSeen.count]);
    const refused: Array<[string, number]> = [
      ['/api/coverage/team/members?user=alex&measure=father_seen&unit=men', 403],
      ['/api/coverage/team/members?user=pat&measure=father_seen&unit=men', 403],
      ['/api/coverage/team/members?user=sam&team=South&measure=father_seen&unit=men', 403],
      ['/api/coverage/team/members?user=sam&measure=shoe_size&unit=men', 400],
      ['/api/coverage/team/members?user=sam&measure=detailed_picture&unit=cases', 400],
    ];
    for (const [path, status] of refused) assert.equal((await get(path)).status, status, path);
    const entries = await seen.audit.listForTeam('North');
    assert.deepEqual(entries.filter((e) => e.operation === 'coverage.team.members').slice(0, 2).map((e) => [e.actor, e.path, e.detail]), [['sam', 'page', 'father_seen:cases'], ['sam', 'page', 'father_seen:men']]);
  });

  it('from a case: each topic with when it was last explored and whose account, and the latest summary read-only; audited as the page user (issue 17.5)', async () => {
    const before = (await seen.audit.listForCase('DEMO-3')).length;
    const res = await get('/api/coverage/case?user=sam&ref=demo-3');
    assert.equal(res.status, 200);
    type Topic = { domain: string; status: string; lastExplored: string | null };
    const c = (await res.json()) as { caseRef: string; men: Array<{ manId: string; topics: Topic[]; latest: { title: string; subtitle: string; sections: unknown[] } | null }> };
    assert.equal(c.caseRef, 'DEMO-3');
    const marcus = c.men.find((m) => m.manId === 'demo-3-marcus')!;
    const life = marcus.topics.find((x) => x.domain === 'life_history')!;
    assert.equal(life.status, 'covered');
    assert.match(life.lastExplored ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(marcus.topics.find((x) => x.domain === 'mental_health')!.lastExplored, null);
    assert.ok(marcus.latest && marcus.latest.sections.length > 8, 'the latest summary, laid out');
    assert.match(marcus.latest.subtitle, /written by Alex Morgan on/, 'its author by name, not user id (issue 15 item 12)');
    const entries = (await seen.audit.listForCase('DEMO-3')).slice(before);
    assert.ok(entries.some((e) => e.actor === 'sam' && e.path === 'page' && e.operation === 'case.read'));
    assert.ok(entries.some((e) => e.actor === 'sam' && e.path === 'page' && e.operation === 'summaries.read'));
    for (const [path, status] of [['/api/coverage/case?user=sam&ref=DEMO-4', 403], ['/api/coverage/case?user=alex&ref=DEMO-3', 403], ['/api/coverage/case?user=pat&ref=DEMO-3', 403], ['/api/coverage/case?user=sam&ref=DEMO-99', 404], ['/api/coverage/case?user=sam', 400]] as const) {
      const r = await get(path);
      assert.equal(r.status, status, path);
      const body = await r.text();
      assert.deepEqual(IDENTIFYING_WORDS.filter((w) => w.length > 3 && !w.startsWith('DEMO') && body.includes(w)), [], path);
    }
  });

  const cells: Array<[string | number | null, string]> = [
    ['plain', 'plain'], [42, '42'], [null, ''], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'], ['+1', "'+1"], ['-2', "'-2"], ['@SUM(A1)', "'@SUM(A1)"], [-2, '-2'],
  ];
  for (const [value, expected] of cells) it(`CSV cell ${JSON.stringify(value)} → ${expected}`, () => assert.equal(csvCell(value), expected));

  it('a supervisor records a discussion from the page; a practitioner and a wrong man are refused', async () => {
    const post = (user: string, body: unknown) => fetch(`${base}/api/coverage/discussions?user=${user}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post('alex', { caseRef: 'DEMO-5', manId: 'demo-5-jordan' })).status, 403);
    assert.equal((await post('sam', { caseRef: 'DEMO-5', manId: 'demo-1-dan' })).status, 404);
    assert.equal((await post('sam', { caseRef: 'DEMO-4', manId: 'demo-4-tom' })).status, 403);
    assert.equal((await post('sam', { caseRef: 'DEMO-5' })).status, 400);
    const before = (await (await get('/api/coverage/team?user=sam')).json()) as { lists: { factorsNotDiscussed: { total: number } } };
    assert.equal(before.lists.factorsNotDiscussed.total, 1);
    assert.equal((await post('sam', { caseRef: 'DEMO-5', manId: 'demo-5-jordan' })).status, 201);
    const after = (await (await get('/api/coverage/team?user=sam')).json()) as { lists: { factorsNotDiscussed: { total: number } } };
    assert.equal(after.lists.factorsNotDiscussed.total, 0);
  });
});
