// The load benchmark's harness, small (N = 5): Seen and the echo floor as processes on the suite's backend (its own
// test database: a file, or a schema on the PostgreSQL pass), every write-up saved and exported; and how backends are chosen.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figures, percentile } from '../../bench/load-report';
import {
  allTargetsMet, BackendLoadResults, BackendUnavailableError, postgresHint, backendTable, backendTargets, chooseBackends, postgresDatabases, runDatabase, targetLines,
  type Backend, type BackendChoice, type BackendDatabases, type BackendLoadRow,
} from '../../bench/load-backends';
import { seedPractitioners } from '../../bench/load-practitioners';
import { runLoad } from '../../bench/load';
import { DirectLineHttpConversation } from '../../bench/load-driver';
import { BENCH_DIRECTLINE_SECRET, startServer } from '../../bench/load-servers';
import { FLOOR_GREETING, FLOOR_PROMPT, floorEcho } from '../../bench/echo-floor';
import { TEST_DATABASE_URL, dbArgs, onPostgres, openTestDb, testDbEnv } from '../helpers/database';

/** The suite's own backend for the bench: every run's database is a test database (its own schema on PostgreSQL). */
const suiteDatabases: BackendDatabases = { backend: onPostgres ? 'postgres' : 'sqlite', fresh: async (file) => runDatabase(testDbEnv(file)) };

describe('bench: load harness (N = 5)', function () {
  this.timeout(90_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seen-load-test-'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('nearest-rank percentiles, as the table reports them', () => {
    const table: Array<[number[], number, number]> = [
      [[], 0.95, 0],
      [[7], 0.5, 7],
      [[1, 2, 3, 4], 0.5, 2],
      [[1, 2, 3, 4], 0.95, 4],
      [Array.from({ length: 100 }, (_, i) => i + 1), 0.99, 99],
    ];
    for (const [sorted, q, expected] of table) assert.equal(percentile(sorted, q), expected, `${q} of ${JSON.stringify(sorted)}`);
  });

  it('--backend: as asked, else both with a PostgreSQL URL and SQLite without; PostgreSQL without a URL says how to get one', () => {
    const url = 'postgres://bench@127.0.0.1:5432/seen';
    const table: Array<[BackendChoice | undefined, string | undefined, Backend[] | 'refused']> = [
      [undefined, undefined, ['sqlite']],
      [undefined, url, ['sqlite', 'postgres']],
      ['sqlite', undefined, ['sqlite']],
      ['sqlite', url, ['sqlite']],
      ['postgres', url, ['postgres']],
      ['both', url, ['sqlite', 'postgres']],
      ['postgres', undefined, 'refused'],
      ['both', undefined, 'refused'],
    ];
    for (const [choice, databaseUrl, expected] of table) {
      const label = `${choice ?? '(default)'} with${databaseUrl ? '' : 'out'} SEEN_DATABASE_URL`;
      if (expected === 'refused') {
        assert.throws(() => chooseBackends(choice, databaseUrl), (err: Error) => err instanceof BackendUnavailableError && err.message.includes(postgresHint(choice!)), label);
      } else {
        assert.deepEqual(chooseBackends(choice, databaseUrl), expected, label);
      }
    }
  });

  it('with both backends: one table ordered by N then backend, and the targets checked for each backend at its largest N', () => {
    const fig = (p95: number, errors = 0) => figures({ latencies: [p95], seconds: 1, conversations: 1, completed: 1, errors: Array(errors).fill('e'), peakRssMb: 100 });
    const row = (backend: Backend, n: number, p95: number, errors = 0): BackendLoadRow =>
      ({ backend, n, guided: 1, notes: 0, seen: fig(p95, errors), floor: fig(10), lostAnswers: 0, lostSamples: [], p95VsFloor: p95 / 10, throughputVsFloor: 1 });
    // Run order: every N on SQLite, then every N on PostgreSQL; PostgreSQL misses the p95 target at N=50 with one error.
    const rows = [row('sqlite', 10, 12), row('sqlite', 50, 15), row('postgres', 10, 13), row('postgres', 50, 25, 1)];
    const order = backendTable(rows).split('\n').slice(2).map((l) => l.split('|').slice(1, 4).map((c) => c.trim()).join(' '));
    assert.deepEqual(order, [
      '10 SQLite Seen', '10 SQLite echo floor', '10 PostgreSQL Seen', '10 PostgreSQL echo floor',
      '50 SQLite Seen', '50 SQLite echo floor', '50 PostgreSQL Seen', '50 PostgreSQL echo floor',
    ]);
    // SQLite's p95 limit is 1.5× with throughput ≥ 0.8×; PostgreSQL's is 1.7× with no throughput target.
    const tgs = backendTargets(rows);
    assert.deepEqual(tgs, [
      { backend: 'sqlite', n: 50, zeroErrors: true, noLostAnswers: true, p95Limit: 1.5, p95WithinLimit: true, throughputMin: 0.8, throughputWithinLimit: true, peakRssUnder500Mb: true },
      { backend: 'postgres', n: 50, zeroErrors: false, noLostAnswers: true, p95Limit: 1.7, p95WithinLimit: false, throughputMin: null, throughputWithinLimit: null, peakRssUnder500Mb: true },
    ]);
    assert.equal(allTargetsMet(tgs), false, 'a missed target fails the run');
    assert.equal(allTargetsMet(tgs.slice(0, 1)), true, 'SQLite alone met every target');
    assert.equal(allTargetsMet(backendTargets([row('sqlite', 50, 16)])), false, 'p95 1.6× misses SQLite\'s 1.5×');
    assert.ok(targetLines(tgs, rows).some((l) => l.includes('PostgreSQL') && l.includes('p95 ≤ 1.7×') && l.includes('MISSED')), 'the table names the missed target');
  });

  it("a run's database is the one the test helpers name: the server's environment, the seed's target and the export's --db agree", () => {
    const file = join(dir, 'agree.db');
    const db = runDatabase(testDbEnv(file));
    assert.deepEqual(['--db', db.dbArg], dbArgs(file));
    assert.equal(db.target.url === undefined, !onPostgres, 'PostgreSQL exactly on the PostgreSQL pass');
    if (onPostgres) assert.equal(db.target.schema, testDbEnv(file).SEEN_DATABASE_SCHEMA);
    else assert.equal(db.target.file, file);
  });

  it('on PostgreSQL, each run gets its own bench_ schema, dropped when the run is over', async function () {
    if (!onPostgres) this.skip(); // needs a PostgreSQL server: runs in the suite's PostgreSQL pass
    const dbs = postgresDatabases(TEST_DATABASE_URL!);
    const [a, b] = [await dbs.fresh(join(dir, 'a.db')), await dbs.fresh(join(dir, 'b.db'))];
    assert.match(a.env.SEEN_DATABASE_SCHEMA!, /^bench_[0-9a-f]{12}$/);
    assert.notEqual(a.env.SEEN_DATABASE_SCHEMA, b.env.SEEN_DATABASE_SCHEMA, 'one schema per run');
    const probe = await openTestDb();
    const exists = async (schema: string) => (await probe.get<{ n: number }>('SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = ?', [schema]))!.n === 1;
    for (const run of [a, b]) {
      await seedPractitioners(run.target, 1, () => new Date());
      assert.ok(await exists(run.target.schema!), 'seeding made the schema');
      await run.dispose();
      assert.equal(await exists(run.target.schema!), false, 'dispose dropped it');
    }
  });

  it('five practitioners write up through Seen and the floor replays their messages: no errors, nothing lost, figures written', async () => {
    const out = join(dir, 'load.json');
    const { results, table } = await runLoad({ backends: [suiteDatabases], ns: [5], out });
    const row = results.rows[0]!;
    assert.equal(row.n, 5);
    assert.equal(row.backend, suiteDatabases.backend);
    assert.deepEqual(results.backends, [suiteDatabases.backend]);
    assert.deepEqual([row.guided, row.notes], [3, 2], 'half the practitioners paste notes');
    assert.equal(row.seen.errors, 0, `Seen errors: ${row.seen.errorSamples.join('; ')}`);
    assert.equal(row.seen.completed, 5, 'every write-up saved');
    assert.equal(row.lostAnswers, 0, `lost: ${row.lostSamples.join('; ')}`);
    assert.equal(row.floor.errors, 0, `floor errors: ${row.floor.errorSamples.join('; ')}`);
    assert.equal(row.floor.turns, row.seen.turns, 'the floor gets exactly the messages Seen got');
    assert.ok(row.seen.turns >= 5 * 5, `each write-up is several turns (${row.seen.turns}; about 14 each since issue 15 put the write-up on cards)`);
    for (const f of [row.seen, row.floor]) {
      assert.ok(f.p50Ms > 0 && f.p50Ms <= f.p95Ms && f.p95Ms <= f.p99Ms && f.p99Ms <= f.maxMs, `ordered percentiles ${JSON.stringify(f)}`);
      assert.ok(f.turnsPerSecond > 0);
      if (process.platform === 'linux') assert.ok(f.peakRssMb !== null && f.peakRssMb > 20, 'peak RSS read from /proc');
    }
    assert.deepEqual(results.targets.map((tg) => [tg.backend, tg.n]), [[suiteDatabases.backend, 5]], 'targets per backend at its largest N');
    assert.ok(existsSync(out));
    assert.deepEqual(BackendLoadResults.parse(JSON.parse(readFileSync(out, 'utf8'))), results, 'the file holds what was returned');
    assert.equal(table, backendTable(results.rows));
    const label = onPostgres ? 'PostgreSQL' : 'SQLite';
    assert.match(table, new RegExp(`^\\| 5 \\| ${label} \\| Seen \\| 5/5 \\|`, 'm'));
    assert.match(table, new RegExp(`^\\| 5 \\| ${label} \\| echo floor \\| 5/5 \\|`, 'm'));
    assert.equal(row.dialogFloor, undefined, 'the dialog floor runs only with --bound');
  });

  it('the dialog floor keeps its dialog in saved state: one reply a turn, each answer echoed by the next prompt, across turns and a restart', async () => {
    const db = await suiteDatabases.fresh(join(dir, 'dialog-floor.db'));
    const turns: Array<[string, string[]]> = [
      ['first', [FLOOR_PROMPT]], // no dialog yet: it starts one and asks
      ['second', [floorEcho('second')]], // the saved prompt takes the answer; the next prompt echoes it
      ['third', [floorEcho('third')]],
    ];
    let server = await startServer('dialog-floor', { dbEnv: db.env, timeoutMs: 60_000 });
    try {
      const conv = new DirectLineHttpConversation(server.base, 'u-dialog-floor', BENCH_DIRECTLINE_SECRET);
      assert.deepEqual((await conv.start()).map((r) => r.text), [FLOOR_GREETING]);
      for (const [i, [text, expected]] of turns.entries()) {
        // Why restart before the last turn: the dialog must come from the database, not from the process's memory.
        if (i === turns.length - 1) {
          await server.stop();
          server = await startServer('dialog-floor', { dbEnv: db.env, timeoutMs: 60_000 });
          conv.moveTo(server.base);
        }
        const { replies } = await conv.turn({ text });
        assert.deepEqual(replies.filter((r) => r.from?.id !== 'u-dialog-floor').map((r) => r.text), expected, `turn "${text}"`);
      }
    } finally {
      await server.stop();
      await db.dispose();
    }
  });

  it('--bound also runs the dialog floor on the same messages and reports its ratios to the echo floor', async () => {
    const out = join(dir, 'load-bound.json');
    const { results, table } = await runLoad({ backends: [suiteDatabases], ns: [2], out, bound: true });
    const row = results.rows[0]!;
    const bound = row.dialogFloor;
    assert.ok(bound, 'the row holds the dialog floor');
    assert.equal(bound.figures.errors, 0, `dialog floor errors: ${bound.figures.errorSamples.join('; ')}`);
    assert.equal(bound.figures.turns, row.seen.turns, 'the dialog floor gets exactly the messages Seen got');
    assert.ok(bound.p95VsFloor > 0 && bound.throughputVsFloor > 0);
    assert.match(table, /\| dialog floor \| 2\/2 \|/);
    assert.ok(targetLines(results.targets, results.rows).some((l) => l.includes('the dialog floor alone is')), 'the target lines name the bound');
  });
});
