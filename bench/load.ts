// `npm run bench:load`: N concurrent scripted practitioners write up through Seen's Direct Line endpoint, then the same
// messages go to an echo bot on the same stack (the floor); prints turns/s, p50/p95/p99, errors, peak RSS and ratios.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { t } from '../prompts';
import { DirectLineHttpConversation, runReplay, runScripted, type ConversationRun } from './load-driver';
import { answererFor, checkExport, savedText, seedPractitioners, type Practitioner } from './load-practitioners';
import { LoadResults, figures, markdownTable, ratios, targets, type LoadRow } from './load-report';
import { startServer, type System } from './load-servers';

/** The default output file, committed from the final run. */
export const DEFAULT_OUT = join(__dirname, 'results', 'load.json');

/** How a run is shaped; `log` receives progress lines (stderr in the CLI, nothing in the test). */
export interface LoadOptions {
  ns: number[];
  out: string;
  cpuProfDir?: string;
  maxTurns?: number;
  log?: (line: string) => void;
}

/** Runs `n` conversations at once (after all have started), returning each run and the wall time of the turns. */
async function drive(base: string, users: string[], play: (conv: DirectLineHttpConversation, i: number) => Promise<ConversationRun>): Promise<{ runs: ConversationRun[]; seconds: number }> {
  const convs = users.map((u) => new DirectLineHttpConversation(base, u));
  const started = await Promise.allSettled(convs.map((c) => c.start()));
  const t0 = performance.now();
  const runs = await Promise.all(convs.map((c, i) => {
    const s = started[i]!;
    if (s.status === 'rejected') return Promise.resolve<ConversationRun>({ latencies: [], sent: [], completed: false, error: `start: ${(s.reason as Error).message}` });
    return play(c, i);
  }));
  return { runs, seconds: (performance.now() - t0) / 1000 };
}

/** One system at one N: a fresh temporary database, a fresh server process, `play` for each user, peak RSS. */
async function measure(system: System, n: number, opts: LoadOptions, prepare: (db: string) => Promise<string[]>, play: (conv: DirectLineHttpConversation, i: number) => Promise<ConversationRun>, after?: (db: string, runs: ConversationRun[]) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), `seen-load-${system}-`));
  try {
    const db = join(dir, 'load.db');
    const users = await prepare(db);
    const server = await startServer(system, { db, cpuProfDir: opts.cpuProfDir });
    let result: Awaited<ReturnType<typeof drive>>;
    let peak: number | undefined;
    try {
      result = await drive(server.base, users, play);
      peak = server.peakRssMb();
    } finally {
      await server.stop();
    }
    await after?.(db, result.runs);
    const errors = result.runs.flatMap((r) => (r.error ? [r.error] : []));
    const fig = figures({ latencies: result.runs.flatMap((r) => r.latencies), seconds: result.seconds, conversations: n, completed: result.runs.filter((r) => r.completed).length, errors, peakRssMb: peak });
    opts.log?.(`  ${system.padEnd(5)} N=${n}: ${fig.turns} turns in ${fig.seconds}s, p95 ${fig.p95Ms} ms, errors ${fig.errors}, peak RSS ${fig.peakRssMb ?? 'n/a'} MB`);
    return { fig, runs: result.runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seen at N, checked against the export, then the floor replaying exactly the messages each practitioner sent. */
async function measureN(n: number, opts: LoadOptions): Promise<LoadRow> {
  let practitioners: Practitioner[] = [];
  const lost: string[] = [];
  const maxTurns = opts.maxTurns ?? 150;
  const seen = await measure('seen', n, opts,
    async (db) => {
      practitioners = await seedPractitioners({ file: db }, n, () => new Date());
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
        else lost.push(...(await checkExport(p, run.sent, db)));
      }
    });
  const floor = await measure('floor', n, opts,
    async () => practitioners.map((p) => p.userId),
    (conv, i) => runReplay(conv, seen.runs[i]!.sent));
  return {
    n,
    guided: practitioners.filter((p) => p.path === 'guided').length,
    notes: practitioners.filter((p) => p.path === 'notes').length,
    seen: seen.fig,
    floor: floor.fig,
    lostAnswers: lost.length,
    lostSamples: lost.slice(0, 5),
    ...ratios(seen.fig, floor.fig),
  };
}

/** Runs every N in turn, writes the JSON file and returns the results and the Markdown table. */
export async function runLoad(opts: LoadOptions): Promise<{ results: LoadResults; table: string }> {
  const t0 = performance.now();
  const rows: LoadRow[] = [];
  for (const n of opts.ns) {
    opts.log?.(`N=${n}`);
    rows.push(await measureN(n, opts));
  }
  const results = LoadResults.parse({
    benchmark: 'load',
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    totalSeconds: Math.round((performance.now() - t0) / 100) / 10,
    rows,
    targets: targets(rows),
  });
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  return { results, table: markdownTable(rows) };
}

/** Command-line arguments: `--n 10,50,200 --out file --cpu-prof dir`. */
const Args = z.object({
  n: z.string().regex(/^\d+(,\d+)*$/).default('10,50,200').transform((s) => s.split(',').map(Number)).pipe(z.array(z.number().int().min(1).max(1000))),
  out: z.string().min(1).default(DEFAULT_OUT),
  cpuProf: z.string().min(1).optional(),
});

// Run from the command line: the table to stdout, progress to stderr, non-zero exit when a target is missed.
if (require.main === module) {
  const { values } = parseArgs({ options: { n: { type: 'string' }, out: { type: 'string' }, 'cpu-prof': { type: 'string' } } });
  const args = Args.parse({ n: values.n, out: values.out, cpuProf: values['cpu-prof'] });
  runLoad({ ns: args.n, out: args.out, cpuProfDir: args.cpuProf, log: (l) => process.stderr.write(`${l}\n`) })
    .then(({ results, table }) => {
      process.stdout.write(`${table}\n\nwritten to ${args.out} in ${results.totalSeconds} s\n`);
      const tg = results.targets;
      if (tg) process.stdout.write(`targets at N=${tg.n}: zero errors ${tg.zeroErrors}, no lost answers ${tg.noLostAnswers}, p95 ≤ 2× floor ${tg.p95AtMost2xFloor}, peak RSS < 500 MB ${tg.peakRssUnder500Mb}\n`);
      process.exitCode = tg && Object.values(tg).every((v) => v !== false) ? 0 : 1;
    })
    .catch((err: unknown) => {
      process.stderr.write(`bench:load failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    });
}
