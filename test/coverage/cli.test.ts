import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDb, dbArgs } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { seedDemo } from '../../records/demo-seed';
import { fixedClock } from '../helpers/records';
import { IDENTIFYING_WORDS, parseCsv, seen } from './helpers';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { cliActor } from '../../bin/commands/cli-records';

// `seen coverage` against a demo database file: the same figures as the reader, in md, csv and json.
describe('coverage: seen coverage CLI', () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-coverage-cli-'));
    file = join(dir, 'seen.db');
    const db = await openTestDb(file);
    await seedDemo(new SqlCaseRecords(db, fixedClock));
    await db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const base = () => ['coverage', ...dbArgs(file), '--today', '2026-11-26'];

  it('--format json is exactly the team report the page and chat use', async () => {
    const { code, out } = await seen([...base(), '--team', 'north', '--format', 'json']);
    assert.equal(code, 0);
    const db = await openTestDb(file);
    try {
      assert.deepEqual(JSON.parse(out), await new SqlCoverage(db).teamCoverage('North', { today: '2026-11-26', listLimit: 200, trendMonths: 12 }));
    } finally {
      await db.close();
    }
  });

  it('--format md names the shares and lists; --format csv parses', async () => {
    const md = await seen([...base(), '--team', 'North']);
    assert.match(md.out, /^# Father coverage: team North, 5 open cases, 6 men recorded/);
    assert.match(md.out, /Father seen or spoken to: 3 of 5 cases \(60%\)/);
    assert.match(md.out, /## Fathers never seen \(3\)\n\n- DEMO-1: Dan \(fictional\)/);
    const csv = parseCsv((await seen([...base(), '--team', 'North', '--format', 'csv'])).out);
    assert.deepEqual(csv.find((r) => r[1] === 'father_seen')?.slice(2, 6), ['cases', '3', '5', '60']);
  });

  it('every report of team figures is audited with the CLI user, the team and the cli path (issue 17.4)', async () => {
    const count = async () => {
      const db = await openTestDb(file);
      try {
        return await new SqlAuditLog(db).listForTeam('North');
      } finally {
        await db.close();
      }
    };
    const before = (await count()).length;
    for (const format of ['md', 'csv', 'json']) assert.equal((await seen([...base(), '--team', 'North', '--format', format])).code, 0);
    const entries = (await count()).slice(before);
    assert.deepEqual(entries.map((e) => [e.team, e.path, e.operation, e.outcome]), Array(3).fill(['North', 'cli', 'coverage.team.report', 'ok']));
    assert.ok(entries.every((e) => e.actor === cliActor()));
  });

  it('--partnership suppresses counts of 1–4 (South has 2 men) in every format (issue 17.3)', async () => {
    const json = JSON.parse((await seen([...base(), '--partnership', '--format', 'json'])).out) as { teams: Array<{ team: string; men: number | null; menSeen: { count: number | null } }> };
    assert.deepEqual(json.teams.find((t) => t.team === 'South')?.men, null);
    assert.deepEqual(json.teams.find((t) => t.team === 'South')?.menSeen.count, null);
    const md = (await seen([...base(), '--partnership'])).out;
    assert.match(md, /\| South \| fewer than 5 \| fewer than 5 \| fewer than 5 \|/);
  });

  it('--partnership prints counts only, with no name or case reference', async () => {
    for (const format of ['md', 'csv', 'json']) {
      const { code, out } = await seen([...base(), '--partnership', '--format', format]);
      assert.equal(code, 0);
      assert.deepEqual(IDENTIFYING_WORDS.filter((w) => out.includes(w)), [], format);
    }
  });

  const bad: Array<[string, string[], number, RegExp]> = [
    ['no team and no --partnership', [], 2, /give --team <team> or --partnership/],
    ['both', ['--team', 'North', '--partnership'], 2, /give --team/],
    ['an unknown format', ['--team', 'North', '--format', 'xlsx'], 2, /format/],
    ['a bad date', ['--team', 'North', '--today', '26/11/2026'], 2, /today/],
    ['an unknown option', ['--team', 'North', '--names'], 2, /Unknown option/],
    ['a team with no open cases', ['--team', 'Atlantis'], 1, /no open cases in team "Atlantis"/],
  ];
  for (const [what, args, code, message] of bad) {
    it(`refuses ${what} (exit ${code})`, async () => {
      const r = await seen([...base(), ...args]);
      assert.equal(r.code, code);
      assert.match(r.err, message);
      assert.equal(r.out, '');
    });
  }
});
