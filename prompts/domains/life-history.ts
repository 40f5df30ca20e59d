// Wording for the life history domain (tier 1): his own childhood and the care he received.
import type { DomainWording } from './types';

/** Life history: open, about him as a person. */
export const lifeHistory: DomainWording = {
  title: 'His life history',
  question:
    'What did he tell you about his own childhood: who brought him up, what that was like for him, and anything that still stays with him? Write it in his words where you can.',
  retry: 'Tell me in a sentence or two what he said about growing up, or say **not explored**.',
  strengths: 'What strengths did you hear in his story (people who were there for him, things he got through, what he wants to do differently)? Say **none noted** if nothing came up.',
  concerns: 'Anything that concerns you from his history (harsh, neglectful or inconsistent care, time in care, violence at home)? Say **none noted** if nothing.',
  followUp:
    'Your notes do not yet have his own account of growing up. Next time, or now if you covered it: what did he say about who looked after him as a child and what that was like?',
  help: 'Life history is about him: his childhood, the care he received, his own father, school, earlier relationships and children.',
};
