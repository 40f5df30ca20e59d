// Gaps that follow from a structured summary itself (the guided path), by the practice model's rules.
import type { SummaryDraft } from './model';
import { DOMAIN_IDS, FACTORS_COMBINE_THRESHOLD, type DomainId, type GapCode } from './practice-model';

/** A gap without wording; the bot adds its own message. */
export interface StructuralGap {
  code: GapCode;
  domain: DomainId | null;
}

/** Lists DOMAIN_ABSENT, OWN_ACCOUNT_MISSING, FATHER_NOT_SEEN, SUBSTANCE_LEVEL_UNKNOWN, CRYING_NOT_DISCUSSED, INFO_NOT_SOUGHT and FACTORS_COMBINE. */
export function structuralGaps(d: Pick<SummaryDraft, 'contact' | 'domains' | 'substances' | 'cryingMessages' | 'infoSought' | 'factors'>): StructuralGap[] {
  const gaps: StructuralGap[] = [];
  if (d.contact.seenStatus === 'not_seen') gaps.push({ code: 'FATHER_NOT_SEEN', domain: null });
  for (const id of DOMAIN_IDS) {
    const status = d.domains[id].status;
    if (status === 'absent') gaps.push({ code: 'DOMAIN_ABSENT', domain: id });
    if (status === 'secondhand') gaps.push({ code: 'OWN_ACCOUNT_MISSING', domain: id });
  }
  if (d.substances.some((s) => s.level === 'unknown')) gaps.push({ code: 'SUBSTANCE_LEVEL_UNKNOWN', domain: 'substance_use' });
  if (d.cryingMessages.length === 0) gaps.push({ code: 'CRYING_NOT_DISCUSSED', domain: 'parenting_knowledge' });
  if (d.infoSought.agencies.length === 0 && d.infoSought.consentGiven !== true) gaps.push({ code: 'INFO_NOT_SOUGHT', domain: null });
  if (new Set(d.factors).size >= FACTORS_COMBINE_THRESHOLD) gaps.push({ code: 'FACTORS_COMBINE', domain: null });
  return gaps;
}
