// The load benchmark's backends: which ones a run measures, a fresh database for every measured run on each, and the
// results file and table with a backend column (the per-run figures themselves are load-report.ts's).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import type { DatabaseTarget } from '../adapters/open-database';
import { databaseTarget, loadConfig } from '../bot/config';
import { LoadResults, LoadRow, targets, type RatioLimits, type SystemFigures } from './load-report';

/** A database Seen can run on. */
export const Backend = z.enum(['sqlite', 'postgres']);
export type Backend = z.infer<typeof Backend>;

/** What `--backend` accepts. */
export const BackendChoice = z.enum(['sqlite', 'postgres', 'both']);
export type BackendChoice = z.infer<typeof BackendChoice>;

/** How to get a PostgreSQL server for the benchmark, named in the error when there is none. */
export const postgresHint = (choice: BackendChoice): string =>
  `run it under \`scripts/with-postgres.sh npm run bench:load -- --backend ${choice}\` (a throwaway cluster) or set SEEN_DATABASE_URL=postgres://…`;

/** PostgreSQL was asked for but no server is configured. */
export class BackendUnavailableError extends Error {
  constructor(choice: BackendChoice) {
    super(`--backend ${choice} needs a PostgreSQL server and SEEN_DATABASE_URL is not set: ${postgresHint(choice)}`, { cause: choice });
    this.name = 'BackendUnavailableError';
  }
}

/** The backends a run measures: as asked, else both when a PostgreSQL URL is configured, else SQLite. */
export function chooseBackends(choice: BackendChoice | undefined, databaseUrl: string | undefined): Backend[] {
  const chosen = choice ?? (databaseUrl ? 'both' : 'sqlite');
  if (chosen !== 'sqlite' && !databaseUrl) throw new BackendUnavailableError(chosen);
  return chosen === 'both' ? ['sqlite', 'postgres'] : [chosen];
}

/** One measured run's database: its server's environment, the target the seed opens, the `--db` the export takes. */
export interface RunDatabase {
  env: Record<string, string>;
  target: DatabaseTarget;
  dbArg: string;
  /** Removes what the run left in the database (the temporary directory holding SQLite files is the caller's). */
  dispose(): Promise<void>;
}

/** Fresh databases on one backend: `fresh(file)` gives a new, empty database named by a new temporary file. */
export interface BackendDatabases {
  backend: Backend;
  fresh(file: string): Promise<RunDatabase>;
}

/** The database a Seen environment (SEEN_DB, or SEEN_DATABASE_URL + SEEN_DATABASE_SCHEMA) names, read as Seen reads it. */
export function runDatabase(env: Record<string, string>, dispose: () => Promise<void> = async () => undefined): RunDatabase {
  const target = databaseTarget(loadConfig(env));
  let dbArg = target.file;
  if (target.url) {
    const url = new URL(target.url);
    url.searchParams.set('schema', target.schema ?? 'public');
    dbArg = url.toString();
  }
  return { env, target, dbArg, dispose };
}

/** SQLite: each run's database is its own new file. */
export const sqliteDatabases: BackendDatabases = {
  backend: 'sqlite',
  fresh: async (file) => runDatabase({ SEEN_DB: file }),
};

/** PostgreSQL at `url`: each run gets its own new schema `bench_<random>`, dropped when the run is disposed of. */
export function postgresDatabases(url: string): BackendDatabases {
  return {
    backend: 'postgres',
    fresh: async (file) => {
      const schema = `bench_${randomBytes(6).toString('hex')}`;
      return runDatabase({ SEEN_DB: file, SEEN_DATABASE_URL: url, SEEN_DATABASE_SCHEMA: schema }, () => dropSchema(url, schema));
    },
  };
}

/** Drops one schema the benchmark made (its name is generated above, never read from outside). */
async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** The databases for each chosen backend. */
export function databasesFor(backends: readonly Backend[], databaseUrl: string | undefined): BackendDatabases[] {
  return backends.map((b) => {
    if (b === 'sqlite') return sqliteDatabases;
    if (!databaseUrl) throw new BackendUnavailableError(b);
    return postgresDatabases(databaseUrl);
  });
}

/** One N on one backend: load-report's row plus the backend both systems ran on. */
export const BackendLoadRow = LoadRow.extend({ backend: Backend });
export type BackendLoadRow = z.infer<typeof BackendLoadRow>;

/** The targets checked at the largest N of one backend. */
export const BackendTargets = LoadResults.shape.targets.unwrap().extend({ backend: Backend });
export type BackendTargets = z.infer<typeof BackendTargets>;

/** The file written to bench/results/load.json: the same rows as before, each naming its backend; targets per backend. */
export const BackendLoadResults = LoadResults.extend({
  backends: z.array(Backend).min(1),
  rows: z.array(BackendLoadRow),
  targets: z.array(BackendTargets),
});
export type BackendLoadResults = z.infer<typeof BackendLoadResults>;

/** Issue 18's limits at N=200: SQLite p95 ≤ 1.5× and throughput ≥ 0.8× its floor; PostgreSQL p95 ≤ 1.7× its floor. */
export const RATIO_LIMITS: Record<Backend, RatioLimits> = { sqlite: { p95: 1.5, throughput: 0.8 }, postgres: { p95: 1.7, throughput: null } };

/** The targets for each backend measured, in the order the backends ran. */
export function backendTargets(rows: readonly BackendLoadRow[]): BackendTargets[] {
  const backends = [...new Set(rows.map((r) => r.backend))];
  return backends.flatMap((backend) => {
    const tg = targets(rows.filter((r) => r.backend === backend), RATIO_LIMITS[backend]);
    return tg ? [{ backend, ...tg }] : [];
  });
}

/** True when every target of every backend held (a target the issue does not set, null, is no miss). */
export function allTargetsMet(tgs: readonly BackendTargets[]): boolean {
  return tgs.length > 0 && tgs.every((tg) => Object.values(tg).every((v) => v !== false));
}

/** How the table names each backend. */
const BACKEND_LABEL: Record<Backend, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** The Markdown table printed at the end of a run: by N, then backend, Seen above its floor on the same backend. */
export function backendTable(rows: readonly BackendLoadRow[]): string {
  const head = '| N | backend | system | write-ups done | turns | turns/s | p50 ms | p95 ms | p99 ms | errors | lost answers | peak RSS MB | p95 × floor | turns/s × floor |';
  const sep = '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const line = (r: BackendLoadRow, name: string, f: SystemFigures, lost: string, p95: string, tput: string) =>
    `| ${r.n} | ${BACKEND_LABEL[r.backend]} | ${name} | ${f.completed}/${f.conversations} | ${f.turns} | ${f.turnsPerSecond} | ${f.p50Ms} | ${f.p95Ms} | ${f.p99Ms} | ${f.errors} | ${lost} | ${f.peakRssMb ?? 'n/a'} | ${p95} | ${tput} |`;
  const order = Backend.options;
  const sorted = [...rows].sort((a, b) => a.n - b.n || order.indexOf(a.backend) - order.indexOf(b.backend));
  const body = sorted.flatMap((r) => [
    line(r, 'Seen', r.seen, String(r.lostAnswers), `${r.p95VsFloor}×`, `${r.throughputVsFloor}×`),
    line(r, 'echo floor', r.floor, '–', '1×', '1×'),
    ...(r.dialogFloor ? [line(r, 'dialog floor', r.dialogFloor.figures, '–', `${r.dialogFloor.p95VsFloor}×`, `${r.dialogFloor.throughputVsFloor}×`)] : []),
  ]);
  return [head, sep, ...body].join('\n');
}

/** The targets as a table: one line per backend and target, with the measured figure and MET or MISSED. */
export function targetLines(tgs: readonly BackendTargets[], rows: readonly BackendLoadRow[]): string[] {
  const mark = (ok: boolean) => (ok ? 'met' : '**MISSED**');
  const lines = ['| backend | N | target | measured | result |', '|---|---:|---|---:|---|'];
  for (const tg of tgs) {
    const row = rows.find((r) => r.backend === tg.backend && r.n === tg.n);
    const b = BACKEND_LABEL[tg.backend];
    const add = (target: string, measured: string, ok: boolean) => lines.push(`| ${b} | ${tg.n} | ${target} | ${measured} | ${mark(ok)} |`);
    add(`p95 ≤ ${tg.p95Limit}× floor`, `${row?.p95VsFloor ?? '?'}×`, tg.p95WithinLimit);
    if (tg.throughputMin !== null) add(`turns/s ≥ ${tg.throughputMin}× floor`, `${row?.throughputVsFloor ?? '?'}×`, tg.throughputWithinLimit === true);
    add('errors = 0', String(row?.seen.errors ?? '?'), tg.zeroErrors);
    add('lost answers = 0', String(row?.lostAnswers ?? '?'), tg.noLostAnswers);
    add('peak RSS < 500 MB', `${row?.seen.peakRssMb ?? 'n/a'} MB`, tg.peakRssUnder500Mb);
  }
  for (const tg of tgs) {
    const bound = rows.find((r) => r.backend === tg.backend && r.n === tg.n)?.dialogFloor;
    // Why print it: the dialog floor is what any bot on this SDK with dialogs and saved state costs, so it bounds Seen's ratios.
    if (bound) lines.push('', `${BACKEND_LABEL[tg.backend]} at N = ${tg.n}: the dialog floor alone is ${bound.p95VsFloor}× the floor's p95 and ${bound.throughputVsFloor}× its turns/s (server CPU per turn ${bound.figures.serverCpuMsPerTurn ?? 'n/a'} ms against the floor's ${rows.find((r) => r.backend === tg.backend && r.n === tg.n)?.floor.serverCpuMsPerTurn ?? 'n/a'} ms)`);
  }
  lines.push('', allTargetsMet(tgs) ? 'all targets met' : 'TARGETS MISSED: exit code 1');
  return lines;
}
