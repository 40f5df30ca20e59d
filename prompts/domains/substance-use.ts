// Wording for the substance use domain (tier 2): what, how often, how much, what it costs.
import type { DomainWording } from './types';

/** Substance use: the open question and follow-ups; the per-substance questions live beside it. */
export const substanceUse: DomainWording = {
  title: 'His use of alcohol and drugs',
  question:
    'What did he tell you about alcohol, cannabis or other drugs: what he uses, how it fits into his week, and how it affects his sleep, mood, money or looking after the baby?',
  retry: 'Tell me briefly what he said about drinking or drugs, or say **not explored**.',
  strengths: 'Any strengths here (cutting down since the baby, keeping use away from caring, getting support)? Say **none noted** if nothing.',
  concerns: 'Anything that concerns you about his use? Say **none noted** if nothing.',
  followUp:
    'His own account of alcohol or drug use is missing. What did he say about what he uses, how often, how much, and what it costs?',
  help: 'Substance use: alcohol, cannabis and other drugs — what, how often, how much, how much money, since when, and the effect on sleep, mood, money and care of the baby. A level is known only when frequency and amount (or money spent) are recorded.',
};
