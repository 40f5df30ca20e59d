// `npm run bench:load`: N concurrent scripted practitioners write up through Seen's Direct Line endpoint, then the same
// messages go to an echo bot on the same stack and the same backend (the floor); prints turns/s, p50/p95/p99, errors,
// peak RSS and ratios, for SQLite, PostgreSQL or both (`--backend`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, processEnv } from '../bot/config';
import { t } from '../prompts';
import { allTargetsMet, BackendChoice, BackendLoadResults, backendTable, backendTargets, chooseBackends, databasesFor, targetLines, type BackendDatabases, type BackendLoadRow, type RunDatabase } from './load-backends';
import { DirectLineHttpConversation, runReplay, runScripted, type ConversationRun } from './load-driver';
import { answererFor, checkExport, savedText, seedPractitioners, type Practitioner } from './load-practitioners';
import { figures, ratios } from './load-report';
import { BENCH_DIRECTLINE_SECRET, startServer, type System } from './load-servers';

/** The default output file, committed from the final run. */
export const DEFAULT_OUT = join(__dirname, 'results', 'load.json');

/** How a run is shaped; `log` receives progress lines (stderr in the CLI, nothing in the test). */
export interface LoadOptions {
  /** The backends measured, in order; every N runs on each. */
  backends: BackendDatabases[];
  ns: number[];
  out: string;
  cpuProfDir?: string;
  maxTurns?: number;
  /** Also run the dialog floor (the echo floor with a dialog and saved state) on the same messages: the SDK's bound. */
  bound?: boolean;
  log?: (line: string) => void;
}

/** Runs `n` conversations at once (after all have started), returning each run and the wall time of the turns. */
async function drive(base: string, users: string[], play: (conv: DirectLineHttpConversation, i: number) => Promise<ConversationRun>): Promise<{ runs: ConversationRun[]; seconds: number }> {
  const convs = users.map((u) => new DirectLineHttpConversation(base, u, BENCH_DIRECTLINE_SECRET));
  const started = await Promise.allSettled(convs.map((c) => c.start()));
  const t0 = performance.now();
  const runs = await Promise.all(convs.map((c, i) => {
    const s = started[i]!;
    if (s.status === 'rejected') return Promise.resolve<ConversationRun>({ latencies: [], sent: [], completed: false, error: `start: ${(s.reason as Error).message}` });
    return play(c, i);
  }));
  return { runs, seconds: (performance.now() - t0) / 1000 };
}

/** One system at one N on one backend: a fresh database (file or schema), a fresh server process, `play` for each user, peak RSS. */
async function measure(
  system: System, n: number, dbs: BackendDatabases, opts: LoadOptions, prepare: (db: RunDatabase) => Promise<string[]>,
  play: (conv: DirectLineHttpConversation, i: number) => Promise<ConversationRun>, after?: (db: RunDatabase, runs: ConversationRun[]) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), `seen-load-${system}-`));
  let db: RunDatabase | undefined;
  try {
    db = await dbs.fresh(join(dir, 'load.db'));
    const users = await prepare(db);
    // Why two minutes: on a busy machine, compiling Seen at start-up alone has taken over 30 s.
    const server = await startServer(system, { dbEnv: db.env, cpuProfDir: opts.cpuProfDir, timeoutMs: 120_000 });
    let result: Awaited<ReturnType<typeof drive>>;
    let peak: number | undefined;
    let cpu: { server?: number; client: number } | undefined;
    try {
      const serverBefore = server.cpuSeconds();
      const clientBefore = process.cpuUsage();
      result = await drive(server.base, users, play);
      const clientUsed = process.cpuUsage(clientBefore);
      const serverAfter = server.cpuSeconds();
      peak = server.peakRssMb();
      cpu = { server: serverBefore === undefined || serverAfter === undefined ? undefined : serverAfter - serverBefore, client: (clientUsed.user + clientUsed.system) / 1e6 };
    } finally {
      await server.stop();
    }
    await after?.(db, result.runs);
    const errors = result.runs.flatMap((r) => (r.error ? [r.error] : []));
    const completed = result.runs.filter((r) => r.completed).length;
    const fig = figures({
      latencies: result.runs.flatMap((r) => r.latencies), seconds: result.seconds, conversations: n, completed, errors, peakRssMb: peak,
      serverCpuSeconds: cpu?.server, clientCpuSeconds: cpu?.client,
    });
    opts.log?.(`  ${dbs.backend.padEnd(8)} ${system.padEnd(12)} N=${n}: ${fig.turns} turns in ${fig.seconds}s, p95 ${fig.p95Ms} ms, errors ${fig.errors}, peak RSS ${fig.peakRssMb ?? 'n/a'} MB, CPU per turn: server ${fig.serverCpuMsPerTurn ?? 'n/a'} ms, load client ${fig.clientCpuMsPerTurn ?? 'n/a'} ms`);
    return { fig, runs: result.runs };
  } finally {
    await db?.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seen at N, checked against the export, then the floor on the same backend replaying exactly the messages each practitioner sent. */
async function measureN(n: number, dbs: BackendDatabases, opts: LoadOptions): Promise<BackendLoadRow> {
  let practitioners: Practitioner[] = [];
  const lost: string[] = [];
  const maxTurns = opts.maxTurns ?? 150;
  const seen = await measure('seen', n, dbs, opts,
    async (db) => {
      practitioners = await seedPractitioners(db.target, n, () => new Date());
      return practitioners.map((p) => p.userId);
    },
    (conv, i) => {
      const p = practitioners[i]!;
      const saved = savedText(p);
      return runScripted(conv, { first: `write up ${p.caseRef}`, answerer: answererFor(p), done: (rs) => rs.some((r) => r.text === saved), isError: (r) => r.text === t('common.turnError'), maxTurns });
    },
    async (db, runs) => {
      for (const [i, p] of practitioners.entries()) {
        const run = runs[i]!;
        if (!run.completed) lost.push(`${p.caseRef}: write-up not completed`);
        else lost.push(...(await checkExport(p, run.sent, db.dbArg)));
      }
    });
  const floor = await measure('floor', n, dbs, opts,
    async () => practitioners.map((p) => p.userId),
    (conv, i) => runReplay(conv, seen.runs[i]!.sent));
  const bound = opts.bound
    ? await measure('dialog-floor', n, dbs, opts, async () => practitioners.map((p) => p.userId), (conv, i) => runReplay(conv, seen.runs[i]!.sent))
    : undefined;
  return {
    backend: dbs.backend,
    n,
    guided: practitioners.filter((p) => p.path === 'guided').length,
    notes: practitioners.filter((p) => p.path === 'notes').length,
    seen: seen.fig,
    floor: floor.fig,
    lostAnswers: lost.length,
    lostSamples: lost.slice(0, 5),
    ...ratios(seen.fig, floor.fig),
    ...(bound ? { dialogFloor: { figures: bound.fig, ...ratios(bound.fig, floor.fig) } } : {}),
  };
}

/** Runs every N on each backend in turn, writes the JSON file and returns the results and the Markdown table. */
export async function runLoad(opts: LoadOptions): Promise<{ results: BackendLoadResults; table: string }> {
  const t0 = performance.now();
  const rows: BackendLoadRow[] = [];
  for (const dbs of opts.backends) {
    for (const n of opts.ns) {
      opts.log?.(`${dbs.backend} N=${n}`);
      rows.push(await measureN(n, dbs, opts));
    }
  }
  const results = BackendLoadResults.parse({
    benchmark: 'load',
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    totalSeconds: Math.round((performance.now() - t0) / 100) / 10,
    backends: opts.backends.map((b) => b.backend),
    rows,
    targets: backendTargets(rows),
  });
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  return { results, table: backendTable(rows) };
}

/** Command-line arguments: `--backend sqlite|postgres|both --n 10,50,200 --out file --cpu-prof dir --bound`. */
const Args = z.object({
  backend: BackendChoice.optional(),
  n: z.string().regex(/^\d+(,\d+)*$/).default('10,50,200').transform((s) => s.split(',').map(Number)).pipe(z.array(z.number().int().min(1).max(1000))),
  out: z.string().min(1).default(DEFAULT_OUT),
  cpuProf: z.string().min(1).optional(),
  bound: z.boolean().default(false),
});

/** Runs the benchmark as the command line asks; the exit code is 0 when every backend met its targets, 1 when one missed. */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { backend: { type: 'string' }, n: { type: 'string' }, out: { type: 'string' }, 'cpu-prof': { type: 'string' }, bound: { type: 'boolean' } } });
  const parsed = Args.safeParse({ backend: values.backend, n: values.n, out: values.out, cpuProf: values['cpu-prof'], bound: values.bound });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.') || 'argument'}: ${i.message}`).join('; '));
  const args = parsed.data;
  const url = loadConfig(processEnv()).SEEN_DATABASE_URL;
  const backends = databasesFor(chooseBackends(args.backend, url), url);
  const { results, table } = await runLoad({ backends, ns: args.n, out: args.out, cpuProfDir: args.cpuProf, bound: args.bound, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${table}\n\nwritten to ${args.out} in ${results.totalSeconds} s\n`);
  process.stdout.write(`\n${targetLines(results.targets, results.rows).join('\n')}\n`);
  return allTargetsMet(results.targets) ? 0 : 1;
}

// Run from the command line: the table to stdout, progress to stderr, exit 1 when a target is missed, 2 when it cannot run.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`bench:load failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
