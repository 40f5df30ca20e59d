// Wording for the relationship and safety domain (tier 2): the couple relationship and domestic abuse.
import type { DomainWording } from './types';

/** Relationship and safety: how the couple get on, conflict and safety. */
export const relationshipSafety: DomainWording = {
  title: 'His relationship and safety at home',
  question:
    'How did he describe his relationship with the baby\'s mother: how they get on, how they sort out disagreements, and whether arguments ever get out of hand?',
  retry: 'Tell me briefly what he said about his relationship, or say **not explored**.',
  strengths: 'What is going well between them, or what support do they give each other? Say **none noted** if nothing.',
  concerns: 'Anything that concerns you (control, jealousy, violence, police call-outs, other partners)? Say **none noted** if nothing.',
  followUp:
    "His own account of the relationship is missing. How did he describe things between him and the baby's mother, and how they handle disagreements?",
  help: 'Relationship and safety: the relationship with the baby\'s mother; arguments, control, jealousy; domestic abuse as perpetrator or victim; police call-outs; other partners.',
};
