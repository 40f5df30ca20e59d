// Wording for the mental health domain (tier 2): his mood, sleep and support.
import type { DomainWording } from './types';

/** Mental health: his own account of how he is doing. */
export const mentalHealth: DomainWording = {
  title: 'His mental health',
  question:
    'How did he say he is doing in himself: mood, worries, sleep, and any past or current contact with his GP or mental health services?',
  retry: 'Tell me briefly what he said about how he is feeling, or say **not explored**.',
  strengths: 'What is keeping him well (people, routines, treatment that helps)? Say **none noted** if nothing.',
  concerns: 'Anything that concerns you about his mental health? Say **none noted** if nothing.',
  followUp:
    'His own account of his mental health is missing. What did he say about his mood, sleep, worries, or any help he has had?',
  help: 'Mental health: mood, anxiety, depression, trauma, ADHD, hearing voices, self-esteem, sleep, contact with GP or mental health services, medication.',
};
