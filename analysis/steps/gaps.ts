// Step: the practice model's gap table, applied to the statuses and facts found by earlier steps.
import { DOMAIN_IDS, FACTORS_COMBINE_THRESHOLD } from '../../records/practice-model';
import { DOMAIN_LABELS, gapMessage } from '../messages';
import type { Ctx, Gap } from '../types';
import { isHim } from './attribution';

/** Builds the gaps, in the table's order. */
export function findGaps(ctx: Ctx): Partial<Ctx> {
  const gaps: Gap[] = [];
  for (const d of DOMAIN_IDS) {
    const s = ctx.domains[d].status;
    if (s === 'absent') gaps.push({ code: 'DOMAIN_ABSENT', domain: d, message: gapMessage('DOMAIN_ABSENT', { domain: DOMAIN_LABELS[d] }) });
    if (s === 'secondhand') gaps.push({ code: 'OWN_ACCOUNT_MISSING', domain: d, message: gapMessage('OWN_ACCOUNT_MISSING', { domain: DOMAIN_LABELS[d] }),
      evidence: ctx.domains[d].evidence });
  }
  const f = ctx.facts;
  if (f.seen.status === 'not_seen') gaps.push({ code: 'FATHER_NOT_SEEN', message: gapMessage('FATHER_NOT_SEEN'), evidence: f.seen.evidence });
  for (const s of f.substances) {
    // A level needs frequency and amount (or spend): "every day, no idea how much" still leaves it unknown.
    if (s.level !== 'unknown') continue;
    gaps.push({ code: 'SUBSTANCE_LEVEL_UNKNOWN', domain: 'substance_use', message: gapMessage('SUBSTANCE_LEVEL_UNKNOWN',
      { substance: s.substance.replace('_', ' ') }), evidence: s.evidence });
  }
  const vague = [...new Set(ctx.clauses.filter((c) => c.vague && !c.plan && (isHim(c.subject) || c.mentionsHim)).map((c) => ctx.sentences[c.sentence]!.text))];
  if (vague.length) gaps.push({ code: 'VAGUE_REASSURANCE', message: gapMessage('VAGUE_REASSURANCE'), evidence: vague });
  if (!f.cryingDiscussed.discussed) gaps.push({ code: 'CRYING_NOT_DISCUSSED', domain: 'parenting_knowledge', message: gapMessage('CRYING_NOT_DISCUSSED') });
  if (!f.infoSought.length) gaps.push({ code: 'INFO_NOT_SOUGHT', message: gapMessage('INFO_NOT_SOUGHT') });
  if (f.factors.length >= FACTORS_COMBINE_THRESHOLD) {
    gaps.push({ code: 'FACTORS_COMBINE', message: gapMessage('FACTORS_COMBINE', { factors: f.factors.map((x) => x.id.replace(/_/g, ' ')).join(', ') }),
      evidence: [...new Set(f.factors.flatMap((x) => x.evidence))] });
  }
  return { gaps };
}
