// Wording for the parenting knowledge domain (tier 2): what he knows and does for the baby.
import type { DomainWording } from './types';

/** Parenting knowledge: crying, settling, handling, feeding and sleep. */
export const parentingKnowledge: DomainWording = {
  title: 'What he knows about caring for the baby',
  question:
    'What did you learn about how he cares for the baby: feeding, winding, sleep, and what he does when the baby cries and will not settle?',
  retry: 'Tell me briefly what he said or showed about caring for the baby, or say **not explored**.',
  strengths: 'What is he doing well with the baby? Say **none noted** if nothing.',
  concerns: 'Anything about his handling or knowledge of the baby that concerns you? Say **none noted** if nothing.',
  followUp:
    'What he knows and does for the baby is missing. What did he say or show about feeding, sleep, handling, and what he does when the baby cries?',
  help: 'Parenting knowledge: crying (normal, peaks around 6–8 weeks), what he will do when the baby won\'t settle, never shaking, safe handling, feeding and winding, sleep, and what babies need at this age.',
};
