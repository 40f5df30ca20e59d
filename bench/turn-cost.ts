// `npm run bench:turn-cost`: the deterministic part of a turn's cost, for Seen and the echo floor on SQLite: statements
// per turn (by kind), transactions per turn, bytes of state and activities written per turn. Timings on a shared machine
// are noise; these counts are not, so they are what a change is judged by before the load benchmark confirms it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../bot/config';
import { composeSeen } from '../bot/compose';
import { SqliteDb } from '../adapters/sqlite/db';
import type { Executor, SqlValue } from '../adapters/sql/database';
import { t } from '../prompts';
import { DirectLineHttpConversation, runReplay, runScripted, type ConversationRun } from './load-driver';
import { answererFor, savedText, seedPractitioners } from './load-practitioners';
import { startEchoFloor } from './echo-floor';
import { BENCH_DIRECTLINE_SECRET, BENCH_LIMITS } from './load-servers';

/** What the counter saw: statements by kind, transactions, bytes bound as parameters to each kind. */
export interface StatementTally { statements: Map<string, number>; bytes: Map<string, number>; transactions: number }

/** A short name for a statement: its verb and first table. */
export function statementKind(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  const verb = /^(\w+)/.exec(s)?.[1]?.toUpperCase() ?? '?';
  const table = /\b(?:FROM|INTO|UPDATE|TABLE)\s+([a-z_]+)/i.exec(s)?.[1] ?? '';
  return `${verb} ${table}`.trim();
}

/** Counts every statement the SQLite backend runs in this process (directly or inside a transaction). */
function countStatements(): { tally: StatementTally; reset(): void } {
  const tally: StatementTally = { statements: new Map(), bytes: new Map(), transactions: 0 };
  const note = (sql: string, params: readonly SqlValue[] | undefined) => {
    const kind = statementKind(sql);
    tally.statements.set(kind, (tally.statements.get(kind) ?? 0) + 1);
    const bytes = (params ?? []).reduce<number>((n, p) => n + (typeof p === 'string' ? Buffer.byteLength(p) : 0), 0);
    tally.bytes.set(kind, (tally.bytes.get(kind) ?? 0) + bytes);
  };
  const proto = SqliteDb.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of ['run', 'get', 'all'] as const) {
    const original = proto[m]!;
    proto[m] = function (this: unknown, sql: unknown, params?: unknown) {
      note(sql as string, params as SqlValue[] | undefined);
      return original.call(this, sql, params);
    };
  }
  const tx = proto['transaction']!;
  proto['transaction'] = function (this: unknown, fn: unknown) {
    tally.transactions += 1;
    return tx.call(this, (inner: Executor) => (fn as (e: Executor) => Promise<unknown>)({
      run: (sql, params) => (note(sql, params), inner.run(sql, params)),
      get: (sql, params) => (note(sql, params), inner.get(sql, params)),
      all: (sql, params) => (note(sql, params), inner.all(sql, params)),
    }));
  };
  return { tally, reset: () => { tally.statements.clear(); tally.bytes.clear(); tally.transactions = 0; } };
}

/** Per-turn figures from a tally over `turns` turns. */
export function perTurn(tally: StatementTally, turns: number): { kind: string; perTurn: number; bytesPerTurn: number }[] {
  return [...tally.statements.entries()]
    .map(([kind, n]) => ({ kind, perTurn: Math.round((n / turns) * 100) / 100, bytesPerTurn: Math.round((tally.bytes.get(kind) ?? 0) / turns) }))
    .sort((a, b) => b.perTurn - a.perTurn);
}

/** Runs `n` practitioners one after another through Seen, then the same messages through the floor, and prints the counts. */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { n: { type: 'string' } } });
  const n = Number(values.n ?? '4');
  const counter = countStatements();
  const dir = mkdtempSync(join(tmpdir(), 'seen-turn-cost-'));
  try {
    const env = { SEEN_DB: join(dir, 'seen.db'), PORT: '0', HOST: '127.0.0.1', SEEN_DEMO: '0', SEEN_DIRECTLINE_SECRET: BENCH_DIRECTLINE_SECRET, SEEN_LOG_LEVEL: 'silent', ...BENCH_LIMITS };
    const practitioners = await seedPractitioners({ file: env.SEEN_DB }, n, () => new Date());
    const seen = await composeSeen(loadConfig(env), pino({ level: 'silent' }));
    const { url } = await seen.listen();
    const runs: ConversationRun[] = [];
    const convs = practitioners.map((p) => new DirectLineHttpConversation(url, p.userId, BENCH_DIRECTLINE_SECRET));
    for (const c of convs) await c.start();
    counter.reset();
    for (const [i, p] of practitioners.entries()) {
      runs.push(await runScripted(convs[i]!, { first: `write up ${p.caseRef}`, answerer: answererFor(p), done: (rs) => rs.some((r) => r.text === savedText(p)), isError: (r) => r.text === t('common.turnError'), maxTurns: 150 }));
    }
    const seenTurns = runs.reduce((s, r) => s + r.latencies.length, 0);
    const seenTally = perTurn(counter.tally, seenTurns);
    const seenTx = counter.tally.transactions / seenTurns;
    await seen.close();
    const floor = await startEchoFloor(loadConfig({ ...env, SEEN_DB: join(dir, 'floor.db') }));
    const fconvs = practitioners.map((p) => new DirectLineHttpConversation(floor.url, p.userId, BENCH_DIRECTLINE_SECRET));
    for (const c of fconvs) await c.start();
    counter.reset();
    let floorTurns = 0;
    for (const [i] of practitioners.entries()) floorTurns += (await runReplay(fconvs[i]!, runs[i]!.sent)).latencies.length;
    const floorTally = perTurn(counter.tally, floorTurns);
    const floorTx = counter.tally.transactions / floorTurns;
    await floor.close();
    const total = (rows: { perTurn: number }[]) => Math.round(rows.reduce((s, r) => s + r.perTurn, 0) * 100) / 100;
    const out = process.stdout;
    out.write(`Seen: ${seenTurns} turns (${runs.filter((r) => r.completed).length}/${n} write-ups done), floor: ${floorTurns} turns\n\n`);
    out.write('| system | statement | per turn | bytes bound per turn |\n|---|---|---:|---:|\n');
    for (const r of seenTally) out.write(`| Seen | ${r.kind} | ${r.perTurn} | ${r.bytesPerTurn} |\n`);
    for (const r of floorTally) out.write(`| floor | ${r.kind} | ${r.perTurn} | ${r.bytesPerTurn} |\n`);
    out.write(`\nstatements per turn: Seen ${total(seenTally)}, floor ${total(floorTally)}; transactions per turn: Seen ${seenTx.toFixed(2)}, floor ${floorTx.toFixed(2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench:turn-cost failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(2);
    },
  );
}
