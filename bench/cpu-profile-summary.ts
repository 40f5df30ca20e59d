// `npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [top]`: a `node --cpu-prof` profile's self time grouped by part
// (Seen's own folders, each npm package, Node's internals, garbage collection, idle), as shares of the busy time.
// `… SEEN.cpuprofile --vs FLOOR.cpuprofile --turns N`: ms per turn of each part in both, and Seen's extra, largest first.
// `--from URLPART` counts only from the first sample in a file whose path holds URLPART (e.g. `directline/router`: from the
// first request on, so module loading and migrations at start-up are not spread over the turns).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The fields of a V8 CPU profile this reads. */
const CpuProfile = z.object({
  nodes: z.array(z.object({ id: z.number(), callFrame: z.object({ functionName: z.string(), url: z.string() }), children: z.array(z.number()).optional() })),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type CpuProfile = z.infer<typeof CpuProfile>;

/** The part a frame belongs to: `(idle)`, `(gc)`, `(program)`, an npm package, a Seen folder, or `node:internal`. */
export function partOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:internal';
  const seen = /\/(adapters\/[^/]+|bot|dialogs|analysis|records|prompts|views|bench)\//.exec(url);
  return seen ? `seen:${seen[1]}` : url;
}

/** Self time per part in ms, and per function for the top entries. */
export function summarise(profile: CpuProfile, from?: string): { parts: Map<string, number>; functions: Map<string, number>; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const start = from ? profile.samples.findIndex((id) => byId.get(id)?.callFrame.url.includes(from)) : 0;
  if (start < 0) throw new Error(`no sample in a file whose path holds "${from}"`);
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    if (i < start) return;
    const node = byId.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const part = partOf(node.callFrame.url, node.callFrame.functionName);
    parts.set(part, (parts.get(part) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules\/)?/, '')}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  return { parts, functions, totalMs };
}

/** Reads one profile file. */
const load = (file: string, from?: string) => summarise(CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8'))), from);

/** Busy ms (all but idle) of a summary. */
const busyMs = (s: ReturnType<typeof summarise>) => s.totalMs - (s.parts.get('(idle)') ?? 0);

/** The per-turn table: each part's ms per turn in Seen and the floor, and the difference, largest first. */
export function perTurnDiff(seen: ReturnType<typeof summarise>, floor: ReturnType<typeof summarise>, turns: number, top: number): string[] {
  const parts = [...new Set([...seen.parts.keys(), ...floor.parts.keys()])].filter((p) => p !== '(idle)');
  const f = (ms: number) => (ms / turns).toFixed(2);
  const rows = parts.map((p) => ({ p, s: seen.parts.get(p) ?? 0, fl: floor.parts.get(p) ?? 0 })).sort((a, b) => b.s - b.fl - (a.s - a.fl));
  return [
    `busy CPU per turn: Seen ${f(busyMs(seen))} ms, floor ${f(busyMs(floor))} ms, Seen's extra ${f(busyMs(seen) - busyMs(floor))} ms`,
    '',
    '| part | Seen ms/turn | floor ms/turn | extra |',
    '|---|---:|---:|---:|',
    ...rows.slice(0, top).map((r) => `| ${r.p} | ${f(r.s)} | ${f(r.fl)} | ${f(r.s - r.fl)} |`),
  ];
}

if (require.main === module) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { vs: { type: 'string' }, turns: { type: 'string' }, from: { type: 'string' } } });
  const file = positionals[0];
  if (!file) throw new Error('usage: cpu-profile-summary FILE.cpuprofile [top] [--vs FLOOR.cpuprofile --turns N] [--from URLPART]');
  const top = Number(positionals[1] ?? '25');
  const summary = load(file, values.from);
  if (values.vs) {
    process.stdout.write(`${perTurnDiff(summary, load(values.vs, values.from), Number(values.turns ?? '1'), top).join('\n')}\n`);
  } else {
    const { parts, functions, totalMs } = summary;
    const busy = busyMs(summary);
    const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1)}%`;
    process.stdout.write(`profile ${Math.round(totalMs)} ms, busy ${Math.round(busy)} ms\n\n| part | self ms | share of busy |\n|---|---:|---:|\n`);
    for (const [p, ms] of [...parts.entries()].filter(([p]) => p !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`| ${p} | ${Math.round(ms)} | ${pct(ms)} |\n`);
    process.stdout.write('\n| function | self ms | share |\n|---|---:|---:|\n');
    for (const [fn, ms] of [...functions.entries()].filter(([fn]) => !fn.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`| ${fn} | ${Math.round(ms)} | ${pct(ms)} |\n`);
  }
}
