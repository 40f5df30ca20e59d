import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { csvCell, TEAM_CSV_HEADER } from '../../views/exporters/coverage-csv';
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
    assert.deepEqual(seen.slice(2, 5), [String(json.fatherSeen.count), String(json.fatherSeen.total), '60']);
    assert.equal(rows.filter((r) => r[0] === 'share').length, 11);
    for (const [list, { items }] of Object.entries(json.lists)) {
      assert.deepEqual(rows.filter((r) => r[0] === list).map((r) => [r[5], r[6]]), items.map((i) => [i.caseRef, i.manName]), list);
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
