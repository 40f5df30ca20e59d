import { PIPELINE } from './analysis/pipeline';
import { loadCorpus } from './analysis/corpus';
import { analyzeNote } from './analysis';
const notes = loadCorpus('analysis/corpus/original');
for (const n of notes.slice(0, 12)) {
  // replicate people step
  let ctx: any = { input: { text: n.text, name: n.label.name, otherNames: n.label.otherNames, people: [] }, text: n.text, people: {}, sentences: [], clauses: [], domains: {}, facts: {}, gaps: [] };
  for (const s of PIPELINE) { if (s.name === 'mentions') break; ctx = { ...ctx, ...s.run(ctx) }; }
  console.log(n.label.id, n.label.name, [...ctx.people.names].map(([k, v]) => `${k}:${v}`).join(' '));
}
