// Which wording keys make up each screen's items and options; scores for the same options are in records/screens.ts.
import type { Instrument } from '../../records/screens';
import type { PromptKey } from '../../prompts';

/** One screen item: its question and its option labels, in the order records/screens.ts scores them. */
export interface ScreenItem {
  question: PromptKey;
  options: readonly PromptKey[];
}

const HOW_OFTEN_USE: readonly PromptKey[] = [
  'substance.useNever',
  'substance.useMonthlyOrLess',
  'substance.use2to4Month',
  'substance.use2to3Week',
  'substance.use4PlusWeek',
];
const HOW_OFTEN: readonly PromptKey[] = [
  'substance.howOftenNever',
  'substance.howOftenLessThanMonthly',
  'substance.howOftenMonthly',
  'substance.howOftenWeekly',
  'substance.howOftenDaily',
];

/** The items of each screen, in published order. */
export const SCREEN_ITEMS: Readonly<Record<Instrument, readonly ScreenItem[]>> = {
  'AUDIT-C': [
    { question: 'substance.auditQ1', options: HOW_OFTEN_USE },
    {
      question: 'substance.auditQ2',
      options: ['substance.auditUnits0', 'substance.auditUnits1', 'substance.auditUnits2', 'substance.auditUnits3', 'substance.auditUnits4'],
    },
    { question: 'substance.auditQ3', options: HOW_OFTEN },
  ],
  'CUDIT-R': [
    { question: 'substance.cuditQ1', options: HOW_OFTEN_USE },
    {
      question: 'substance.cuditQ2',
      options: ['substance.cuditHours0', 'substance.cuditHours1', 'substance.cuditHours2', 'substance.cuditHours3', 'substance.cuditHours4'],
    },
    { question: 'substance.cuditQ3', options: HOW_OFTEN },
    { question: 'substance.cuditQ4', options: HOW_OFTEN },
    { question: 'substance.cuditQ5', options: HOW_OFTEN },
    { question: 'substance.cuditQ6', options: HOW_OFTEN },
    { question: 'substance.cuditQ7', options: HOW_OFTEN },
    { question: 'substance.cuditQ8', options: ['substance.cuditQ8Never', 'substance.cuditQ8NotRecent', 'substance.cuditQ8Recent'] },
  ],
};
