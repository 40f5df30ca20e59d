import { loadCorpus } from '/work/wt/analyser/analysis/corpus';
import { runNote } from '/work/wt/analyser/analysis/eval';
const ids = process.argv.slice(2);
for (const n of loadCorpus('/work/wt/analyser/analysis/corpus/varied')) {
  if (!ids.some((i) => n.label.id.startsWith(i))) continue;
  const r = runNote(n);
  console.log('###', n.label.id, 'seen', r.facts.seen.status, JSON.stringify(r.facts.seen.evidence).slice(0, 300));
  console.log('  info', JSON.stringify(r.facts.infoSought.map((x) => [x.agency, x.evidence[0]?.slice(0, 90)])));
  console.log('  factors', JSON.stringify(r.facts.factors.map((x) => [x.id, x.evidence[0]?.slice(0, 80)])), 'want', n.label.gaps.includes('FACTORS_COMBINE'));
  console.log('  subs', JSON.stringify(r.facts.substances.map((x) => [x.substance, x.level, x.evidence[0]?.slice(0, 80)])), 'want', JSON.stringify(n.label.substances));
}
