// Wording for the pressures domain (tier 2): money, work, housing, isolation and discrimination.
import type { DomainWording } from './types';

/** Pressures on him and the family. */
export const pressures: DomainWording = {
  title: 'Pressures on him and the family',
  question:
    'What pressures did he talk about: money or debt, work or no work, housing, feeling alone, racism or discrimination, immigration, caring for others?',
  retry: 'Tell me briefly what he said about pressures on him, or say **not explored**.',
  strengths: 'What is helping him cope with these pressures? Say **none noted** if nothing.',
  concerns: 'Anything that concerns you here? Say **none noted** if nothing.',
  followUp:
    'His own account of the pressures on him is missing. What did he say about money, work, housing, or anything else weighing on him?',
  help: 'Pressures: money and debt, work or worklessness, housing, isolation, racism and discrimination, immigration status, caring for others.',
};
