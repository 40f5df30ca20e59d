// Figures for the load benchmark: percentiles, per-system results, ratios to the floor, the JSON file and the table.
import { z } from 'zod';

/** One system's figures at one N. */
export const SystemFigures = z.object({
  conversations: z.number().int(),
  completed: z.number().int(),
  turns: z.number().int(),
  seconds: z.number(),
  turnsPerSecond: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
  p99Ms: z.number(),
  maxMs: z.number(),
  errors: z.number().int(),
  errorSamples: z.array(z.string()),
  peakRssMb: z.number().nullable(),
  /** CPU time per turn while the turns ran: the server process (all its threads) and the load client (this process). */
  serverCpuMsPerTurn: z.number().nullable().default(null),
  clientCpuMsPerTurn: z.number().nullable().default(null),
});
export type SystemFigures = z.infer<typeof SystemFigures>;

/** Everything measured at one N: both systems, Seen's ratios to the floor, and the lost-answer check. */
export const LoadRow = z.object({
  n: z.number().int(),
  guided: z.number().int(),
  notes: z.number().int(),
  seen: SystemFigures,
  floor: SystemFigures,
  lostAnswers: z.number().int(),
  lostSamples: z.array(z.string()),
  p95VsFloor: z.number(),
  throughputVsFloor: z.number(),
  /** With `--bound`: the echo floor plus a dialog and saved state, replaying the same messages, and its ratios to the floor. */
  dialogFloor: z.object({ figures: SystemFigures, p95VsFloor: z.number(), throughputVsFloor: z.number() }).optional(),
});
export type LoadRow = z.infer<typeof LoadRow>;

/** The file written to bench/results/load.json. */
export const LoadResults = z.object({
  benchmark: z.literal('load'),
  generatedAt: z.string(),
  machine: z.object({ cpus: z.number().int(), node: z.string(), platform: z.string() }),
  totalSeconds: z.number(),
  rows: z.array(LoadRow),
  targets: z.object({
    n: z.number().int(),
    zeroErrors: z.boolean(),
    noLostAnswers: z.boolean(),
    /** The p95 limit as a multiple of the floor's, and whether Seen kept within it. */
    p95Limit: z.number(),
    p95WithinLimit: z.boolean(),
    /** The least throughput as a fraction of the floor's (null where the issue sets none), and whether Seen reached it. */
    throughputMin: z.number().nullable(),
    throughputWithinLimit: z.boolean().nullable(),
    peakRssUnder500Mb: z.boolean(),
  }).nullable(),
});
export type LoadResults = z.infer<typeof LoadResults>;

/** The q-th percentile (0..1) by nearest rank; 0 for no samples. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** Rounds for the file and the table: figures, not noise. */
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

/** CPU seconds spread over `turns`, in ms per turn (null when not measured or no turn ran). */
const perTurnMs = (seconds: number | undefined, turns: number): number | null => (seconds === undefined || turns === 0 ? null : r2((seconds * 1000) / turns));

/** Summarises one system's run from its conversations' latencies and errors. */
export function figures(input: {
  latencies: number[]; seconds: number; conversations: number; completed: number; errors: string[]; peakRssMb: number | undefined;
  serverCpuSeconds?: number; clientCpuSeconds?: number;
}): SystemFigures {
  const sorted = [...input.latencies].sort((a, b) => a - b);
  return SystemFigures.parse({
    conversations: input.conversations,
    completed: input.completed,
    turns: sorted.length,
    seconds: r2(input.seconds),
    turnsPerSecond: r1(input.seconds > 0 ? sorted.length / input.seconds : 0),
    p50Ms: r1(percentile(sorted, 0.5)),
    p95Ms: r1(percentile(sorted, 0.95)),
    p99Ms: r1(percentile(sorted, 0.99)),
    maxMs: r1(sorted.at(-1) ?? 0),
    errors: input.errors.length,
    errorSamples: [...new Set(input.errors)].slice(0, 5),
    peakRssMb: input.peakRssMb === undefined ? null : r1(input.peakRssMb),
    serverCpuMsPerTurn: perTurnMs(input.serverCpuSeconds, sorted.length),
    clientCpuMsPerTurn: perTurnMs(input.clientCpuSeconds, sorted.length),
  });
}

/** Seen's p95 as a multiple of the floor's, and Seen's throughput as a fraction of the floor's. */
export function ratios(seen: SystemFigures, floor: SystemFigures): { p95VsFloor: number; throughputVsFloor: number } {
  return {
    p95VsFloor: r2(floor.p95Ms > 0 ? seen.p95Ms / floor.p95Ms : 0),
    throughputVsFloor: r2(floor.turnsPerSecond > 0 ? seen.turnsPerSecond / floor.turnsPerSecond : 0),
  };
}

/** The ratios a backend must keep at the largest N (issue 18): p95 at most `p95` × the floor's, throughput at least `throughput` × (null: none set). */
export interface RatioLimits { p95: number; throughput: number | null }

/** The targets, checked at the largest N measured, against `limits`. */
export function targets(rows: readonly LoadRow[], limits: RatioLimits): LoadResults['targets'] {
  const top = [...rows].sort((a, b) => b.n - a.n)[0];
  if (!top) return null;
  return {
    n: top.n,
    zeroErrors: top.seen.errors === 0,
    noLostAnswers: top.lostAnswers === 0,
    p95Limit: limits.p95,
    p95WithinLimit: top.p95VsFloor <= limits.p95,
    throughputMin: limits.throughput,
    throughputWithinLimit: limits.throughput === null ? null : top.throughputVsFloor >= limits.throughput,
    peakRssUnder500Mb: top.seen.peakRssMb !== null && top.seen.peakRssMb < 500,
  };
}

/** The Markdown table printed at the end of a run. */
export function markdownTable(rows: readonly LoadRow[]): string {
  const head = '| N | system | write-ups done | turns | turns/s | p50 ms | p95 ms | p99 ms | errors | lost answers | peak RSS MB | p95 × floor | turns/s × floor |';
  const sep = '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const line = (n: number, name: string, f: SystemFigures, lost: string, p95: string, tput: string) =>
    `| ${n} | ${name} | ${f.completed}/${f.conversations} | ${f.turns} | ${f.turnsPerSecond} | ${f.p50Ms} | ${f.p95Ms} | ${f.p99Ms} | ${f.errors} | ${lost} | ${f.peakRssMb ?? 'n/a'} | ${p95} | ${tput} |`;
  const body = rows.flatMap((r) => [
    line(r.n, 'Seen', r.seen, String(r.lostAnswers), `${r.p95VsFloor}×`, `${r.throughputVsFloor}×`),
    line(r.n, 'echo floor', r.floor, '–', '1×', '1×'),
  ]);
  return [head, sep, ...body].join('\n');
}
