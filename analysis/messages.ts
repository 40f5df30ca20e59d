// The analyser's own wording for each gap code; the bot maps codes to its words in prompts/, not here.
import type { DomainId, GapCode } from '../records/practice-model';

/** Readable domain names for messages. */
export const DOMAIN_LABELS: Record<DomainId, string> = {
  life_history: 'his life history',
  fatherhood_ideas: 'his ideas of fatherhood',
  frustration_coping: 'how he copes with frustration',
  substance_use: 'his use of alcohol and drugs',
  parenting_knowledge: "what he knows about the baby's needs and crying",
  mental_health: 'his mental health',
  relationship_safety: 'the relationship and safety',
  pressures: 'pressures on him and the family',
};

/** One message per gap code; `{domain}` and `{substance}` are filled in. */
export const GAP_MESSAGES: Record<GapCode, string> = {
  DOMAIN_ABSENT: 'Nothing is recorded about {domain}.',
  OWN_ACCOUNT_MISSING: 'What is recorded about {domain} comes from someone else; his own account is missing.',
  FATHER_NOT_SEEN: 'The note does not show he was seen or spoken to directly at this contact.',
  SUBSTANCE_LEVEL_UNKNOWN: 'His use of {substance} is mentioned or suspected, but no frequency, amount or cost is recorded.',
  VAGUE_REASSURANCE: 'A sentence about him reassures without evidence; record what was seen or said.',
  CRYING_NOT_DISCUSSED: 'Nothing shows infant crying, or how he will cope with it, was discussed with him.',
  INFO_NOT_SOUGHT: 'Nothing shows information about him was sought from another agency, or his consent to do so.',
  FACTORS_COMBINE: 'Several factors are recorded for him ({factors}); they combine — discuss in supervision.',
};

/** Fills a message's placeholders. */
export function gapMessage(code: GapCode, vars: Record<string, string> = {}): string {
  return GAP_MESSAGES[code].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);
}
