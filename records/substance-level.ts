// Derives his level of use of one substance from what was recorded; a small pure function, SDK-free.
//
// Rules, applied in this order (the first that fits decides):
// 1. `none`       he says he does not use it (frequency "never").
// 2. `dependence` a screen in its top band (AUDIT-C 11+, CUDIT-R 12+).
// 3. `unknown`    no screen, and the frequency is missing or "not known", or neither the amount nor the
//                 spend is specific (empty, "not known", or vague words such as "socially", "now and then",
//                 "a few", "likes a drink"). A level is known only when frequency and amount (or spend)
//                 are recorded; a completed screen counts, because its first two items are exactly
//                 frequency and typical amount.
// 4. `dependence` daily or near-daily use (4+ times a week) with any sign of dependence (needs it to get
//                 going, withdrawal, cannot cut down, carries on despite harm).
// 5. `misuse`     a screen in its middle bands (AUDIT-C 5–10, CUDIT-R 8–11); or use that harms his sleep,
//                 money, mood or care of the baby; or regular (weekly or more) heavy sessions; or signs of
//                 dependence with less frequent use.
// 6. `use`        otherwise.
import { z } from 'zod';
import type { ScreenResult } from './model';
import type { SubstanceLevel } from './practice-model';
import { screenLevel } from './screens';

/** How often he uses it, as picked from the frequency choices. */
export const FREQUENCIES = ['never', 'less_than_monthly', 'monthly', 'two_four_month', 'weekly', 'two_three_week', 'four_plus_week', 'daily', 'not_known'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

/** Signs of dependence the practitioner can record. */
export const DEPENDENCE_SIGNS = ['needs_to_get_going', 'withdrawal', 'cannot_cut_down', 'despite_harm'] as const;
export type DependenceSign = (typeof DEPENDENCE_SIGNS)[number];

/** Harms of his use the practitioner can record. */
export const HARMS = ['sleep', 'money', 'mood', 'baby_care'] as const;
export type Harm = (typeof HARMS)[number];

/** What deriveLevel reads; amount and spend are his words as typed. */
export interface LevelInput {
  frequency: Frequency | undefined;
  amount: string;
  spend: string;
  dependenceSigns: readonly DependenceSign[];
  harms: readonly Harm[];
  /** He described heavy sessions (drinking or using to get drunk or high). */
  heavy?: boolean;
  screen?: ScreenResult | null;
}

const NEAR_DAILY: readonly Frequency[] = ['four_plus_week', 'daily'];
const REGULAR: readonly Frequency[] = ['weekly', 'two_three_week', 'four_plus_week', 'daily'];

/** Words that never establish an amount or a spend on their own. */
const VAGUE =
  /\b(not known|unknown|don'?t know|do not know|not sure|unsure|didn'?t say|did not say|not said|socially|social|now and then|every now|occasionally|sometimes|the odd|a few|some|a bit|bits|not much|a lot|lots|loads|likes a drink|the usual|normal amount|varies|depends)\b|\?/i;
/** Numbers, number words, or "a/an <unit>" make an amount or spend specific. */
const SPECIFIC =
  /\d|£|\b(zero|nothing|none|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|couple|dozen)\b|\b(a|an)\s+(pint|can|bottle|glass|unit|drink|joint|spliff|bag|gram|eighth|line|bong|tin|litre|shot|double)s?\b/i;

/** True when an amount or spend answer is specific enough to establish a level. */
export function isSpecific(text: string): boolean {
  const s = text.trim();
  return s.length > 0 && !VAGUE.test(s) && SPECIFIC.test(s);
}

/** His level of use of one substance, by the rules at the top of this file. */
export function deriveLevel(input: LevelInput): SubstanceLevel {
  const { frequency, dependenceSigns, harms } = input;
  if (frequency === 'never') return 'none';
  const fromScreen = input.screen ? screenLevel(input.screen) : undefined;
  if (fromScreen === 'dependence') return 'dependence';
  const known = frequency !== undefined && frequency !== 'not_known' && (isSpecific(input.amount) || isSpecific(input.spend));
  if (!known && !input.screen) return 'unknown';
  const nearDaily = frequency !== undefined && NEAR_DAILY.includes(frequency);
  const regular = frequency !== undefined && REGULAR.includes(frequency);
  if (nearDaily && dependenceSigns.length > 0) return 'dependence';
  if (fromScreen === 'misuse' || harms.length > 0 || (regular && input.heavy === true) || dependenceSigns.length > 0) return 'misuse';
  return 'use';
}
