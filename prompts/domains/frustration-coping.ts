// Wording for the coping-with-frustration domain (tier 2): how he handles stress and anger.
import type { DomainWording } from './types';

/** Coping with frustration: triggers, reactions and what calms him. */
export const frustrationCoping: DomainWording = {
  title: 'How he copes with frustration',
  question:
    'When things get on top of him (no sleep, the baby crying, money, arguments), what did he say happens for him? What winds him up, how does he react, and what helps him calm down?',
  retry: 'Tell me in a sentence or two how he said he handles stress or anger, or say **not explored**.',
  strengths: 'What does he already do that helps him stay calm (walking away, talking to someone, asking for help)? Say **none noted** if nothing.',
  concerns: 'Anything that concerns you (shouting, punching walls, throwing things, going from calm to angry fast)? Say **none noted** if nothing.',
  followUp:
    'How he copes when he is tired, stressed or angry is missing. What did he tell you about what winds him up and what he does when the baby will not stop crying?',
  help: 'Coping with frustration: what winds him up, how he reacts, how fast he goes from calm to angry, what calms him, and tiredness or lack of sleep as a trigger. It includes how he handles his own stress while the baby cries.',
};
