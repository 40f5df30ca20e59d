import { PIPELINE } from './analysis/pipeline';
import { analyzeNote } from './analysis';
const text = process.argv[2]!; const name = process.argv[3] ?? 'Callum';
let ctx: any = { input: { text, name, otherNames: (process.argv[4] ?? '').split(',').filter(Boolean), people: [] }, text, people: {}, sentences: [], clauses: [], domains: {}, facts: { present: [], seen: { status: 'not_seen', evidence: [] }, substances: [], cryingMessages: [], cryingDiscussed: { discussed: false, evidence: [] }, factors: [], infoSought: [] }, domains0: {}, gaps: [] };
for (const s of PIPELINE) ctx = { ...ctx, ...s.run(ctx) };
for (const c of ctx.clauses) console.log(JSON.stringify({ t: c.text.slice(0, 70), subj: c.subject, src: c.source, plan: c.plan, vague: c.vague, m: c.mentions.map((m: any) => `${c.text.slice(m.start, m.end)}=${m.who}`) }));
console.log(JSON.stringify(ctx.facts.substances), ctx.gaps.map((g: any) => g.code + (g.domain ? ':' + g.domain : '')).join(' '));
