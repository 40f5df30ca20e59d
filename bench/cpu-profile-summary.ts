// `npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile`: a `node --cpu-prof` profile's self time grouped by part
// (Seen's own folders, each npm package, Node's internals, garbage collection, idle), as shares of the busy time.
import { readFileSync } from 'node:fs';
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
export function summarise(profile: CpuProfile): { parts: Map<string, number>; functions: Map<string, number>; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
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

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile-summary FILE.cpuprofile [top]');
  const top = Number(process.argv[3] ?? '25');
  const { parts, functions, totalMs } = summarise(CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8'))));
  const busy = totalMs - (parts.get('(idle)') ?? 0);
  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1)}%`;
  process.stdout.write(`profile ${Math.round(totalMs)} ms, busy ${Math.round(busy)} ms\n\n| part | self ms | share of busy |\n|---|---:|---:|\n`);
  for (const [p, ms] of [...parts.entries()].filter(([p]) => p !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`| ${p} | ${Math.round(ms)} | ${pct(ms)} |\n`);
  process.stdout.write('\n| function | self ms | share |\n|---|---:|---:|\n');
  for (const [f, ms] of [...functions.entries()].filter(([f]) => !f.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`| ${f} | ${Math.round(ms)} | ${pct(ms)} |\n`);
}
