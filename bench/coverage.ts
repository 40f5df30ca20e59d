// Benchmark: median time of the team and partnership coverage reports (as the page asks for them: shares, lists and a
// 12-month trend) and of the trend query alone, at 1,000 / 10,000 / 100,000 open cases (5 contacts each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb } from '../adapters/sqlite/db';
import { SqlCoverage } from '../adapters/sql/coverage';
import { coverageTrend } from '../adapters/sql/coverage-trend';
import { DOMAIN_IDS } from '../records/practice-model';

const TODAY = '2026-11-26';
const TEAMS = 20;
const PRACTITIONERS_PER_TEAM = 10;
const CONTACTS_PER_CASE = 5;
/** Sizes and repetitions: the 100,000 run repeats less so the whole bench stays within a few minutes. */
const RUNS: ReadonlyArray<[cases: number, reps: number]> = [[1_000, 9], [10_000, 7], [100_000, 3]];

// A deterministic pseudo-random 0..99 from SQL expressions, so every run builds the same data.
const rnd = (expr: string) => `((${expr}) * 2654435761 % 4294967296 % 100)`;

/** Builds the data set in SQL (recursive CTEs), through the same summary_versions trigger the app uses. */
async function generate(db: SqliteDb, cases: number): Promise<void> {
  await db.exec(`PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF;`);
  await db.transaction(async (tx) => {
    await tx.run(`WITH RECURSIVE t(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM t WHERE i < ${TEAMS * PRACTITIONERS_PER_TEAM - 1})
      INSERT INTO users (id, name, role, team) SELECT 'p' || i, 'Practitioner ' || i, 'practitioner', 'Team ' || (i % ${TEAMS}) FROM t`);
    await tx.run(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${cases - 1})
      INSERT INTO cases (ref, baby_name, baby_dob, team, practitioner_id, open, fictional)
      SELECT 'B-' || i, 'Baby ' || i, '2026-06-01', 'Team ' || (i % ${TEAMS}), 'p' || ((i % ${TEAMS}) + ${TEAMS} * ((i / ${TEAMS}) % ${PRACTITIONERS_PER_TEAM})), 1, 1 FROM c`);
    await tx.run(`INSERT INTO men (id, case_ref, name, role, identified, resident) SELECT 'm' || substr(ref, 3), ref, 'Man ' || substr(ref, 3), 'birth_father', 1, 1 FROM cases`);
    await tx.run(`INSERT INTO men (id, case_ref, name, role, identified, resident) SELECT 'm' || substr(ref, 3) || 'b', ref, 'Partner ' || substr(ref, 3), 'mothers_partner', 1, 1 FROM cases WHERE CAST(substr(ref, 3) AS INTEGER) % 5 = 0`);
    // Five contacts per case, mostly about the birth father; dates spread over the last 300 days.
    await tx.run(`WITH RECURSIVE j(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM j WHERE k < ${CONTACTS_PER_CASE - 1})
      INSERT INTO summaries (id, case_ref, man_id, contact_date, seen_status, latest_version, created_at)
      SELECT 's' || m.i || '_' || j.k, 'B-' || m.i, CASE WHEN j.k = 4 AND m.i % 5 = 0 THEN 'm' || m.i || 'b' ELSE 'm' || m.i END,
        date('${TODAY}', '-' || (${rnd('m.i * 7 + j.k')} * 3) || ' days'),
        CASE WHEN ${rnd('m.i * 13 + j.k * 3')} < 55 THEN 'not_seen' WHEN ${rnd('m.i * 13 + j.k * 3')} < 85 THEN 'seen' ELSE 'spoken_to' END, 1, '${TODAY}T10:00:00.000Z'
      FROM (SELECT CAST(substr(ref, 3) AS INTEGER) AS i FROM cases) m, j`);
    const domains = DOMAIN_IDS.map((d, n) => `'${d}', json_object('status', CASE WHEN ${rnd(`h + ${n * 17}`)} < 25 THEN 'covered' WHEN ${rnd(`h + ${n * 17}`)} < 40 THEN 'secondhand' ELSE 'absent' END)`).join(', ');
    await tx.run(`INSERT INTO summary_versions (summary_id, version, corrects, author, created_at, body)
      SELECT id, 1, NULL, 'p0', created_at, json_object('caseRef', case_ref, 'manId', man_id, 'source', 'guided',
        'contact', json_object('date', contact_date, 'seenStatus', seen_status), 'domains', json_object(${domains}),
        'cryingMessages', json(CASE WHEN ${rnd('h + 3')} < 30 THEN '["crying_normal","never_shake"]' ELSE '[]' END),
        'infoSought', json_object('agencies', json(CASE WHEN ${rnd('h + 5')} < 35 THEN '["gp"]' ELSE '[]' END), 'consentGiven', json('null')),
        'factors', json(CASE WHEN ${rnd('h + 7')} < 4 THEN '["childhood_adversity","anger_frustration","substance_misuse"]' ELSE '[]' END))
      FROM (SELECT s.*, s.rowid * 31 AS h FROM summaries s)`);
  });
  await db.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; ANALYZE;');
}

/** Median wall-clock and CPU time (ms) of `reps` timed runs after one warm-up. CPU time (this process, SQLite's
 * worker thread included) is the figure to compare on a shared, busy machine, where wall-clock time includes waiting. */
async function median(reps: number, fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const a = process.hrtime.bigint();
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    wall.push(Number(process.hrtime.bigint() - a) / 1e6);
    cpu.push((used.user + used.system) / 1e3);
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[reps >> 1]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

async function main(): Promise<void> {
  const only = process.argv[2] ? Number(process.argv[2]) : undefined;
  process.stdout.write(`coverage benchmark: ${TEAMS} teams, ${CONTACTS_PER_CASE} contacts per open case over 300 days, one man per case plus a second on every fifth; team report = "Team 1" (lists cut at 200, as the page); reports include the 12-month trend; "trend" columns time the trend query alone\n\n`);
  process.stdout.write('Each cell: median wall-clock ms / median CPU ms.\n\n');
  process.stdout.write('| open cases | contacts | men | build (s) | team report (ms) | team trend (ms) | partnership report (ms) | partnership trend (ms) | runs |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n');
  for (const [cases, reps] of RUNS.filter(([c]) => only === undefined || c === only)) {
    const dir = mkdtempSync(join(tmpdir(), 'seen-bench-coverage-'));
    const db = await SqliteDb.open(join(dir, 'bench.db'));
    try {
      const t0 = process.hrtime.bigint();
      await generate(db, cases);
      const build = Number(process.hrtime.bigint() - t0) / 1e9;
      const contacts = (await db.get<{ n: number }>('SELECT count(*) AS n FROM coverage_facts'))!.n;
      const men = (await db.get<{ n: number }>('SELECT count(*) AS n FROM men'))!.n;
      const coverage = new SqlCoverage(db);
      const team = await median(reps, () => coverage.teamCoverage('Team 1', { today: TODAY, listLimit: 200, trendMonths: 12 }));
      const teamTrend = await median(reps, () => coverageTrend(db, { team: 'Team 1', practitionerId: null }, TODAY, 12));
      const partnership = await median(reps, () => coverage.partnershipCoverage({ today: TODAY, trendMonths: 12 }));
      const partnershipTrend = await median(reps, () => coverageTrend(db, { team: null, practitionerId: null }, TODAY, 12));
      const ms = (m: { wall: number; cpu: number }) => `${m.wall.toFixed(1)} / ${m.cpu.toFixed(1)}`;
      process.stdout.write(`| ${cases.toLocaleString('en-GB')} | ${contacts.toLocaleString('en-GB')} | ${men.toLocaleString('en-GB')} | ${build.toFixed(1)} | ${ms(team)} | ${ms(teamTrend)} | ${ms(partnership)} | ${ms(partnershipTrend)} | ${reps} |\n`);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:coverage failed: ${err instanceof Error ? `${err.stack}\ncause: ${String(err.cause)}` : String(err)}\n`);
  process.exitCode = 1;
});
