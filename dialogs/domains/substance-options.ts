// The choice tables the substance dialogs offer: substances, frequencies, signs and levels, as ids and wording keys.
import { t, type PromptKey } from '../../prompts';
import { SubstanceEntry, type ScreenResult } from '../../records/model';
import type { SubstanceLevel } from '../../records/practice-model';
import { DEPENDENCE_SIGNS, HARMS, deriveLevel, type DependenceSign, type Frequency, type Harm } from '../../records/substance-level';
import type { PickOption } from '../pick-many';
import { NOT_ALCOHOL, SUBSTANCES } from '../../analysis/lexicon/substances';

// The analyser's word lists for the substances offered by name, as whole-word patterns.
const MENTION: ReadonlyArray<readonly [Exclude<SubstanceChoice, 'other'>, RegExp]> = (['alcohol', 'cannabis', 'cocaine'] as const).map((id) => {
  const words = SUBSTANCES.find(([name]) => name === id)?.[1] ?? id;
  return [id, new RegExp(`\\b(?:${words})\\b`, 'gi')] as const;
});
// "does not drink", "never used cannabis", "no alcohol": a mention that is a denial does not pre-tick.
const DENIED = /(?:\b(?:not|never|no|nor|stopped|quit|gave up)|n['’]t)\b(?:\s+\S+){0,2}\s*$/i;

/** The substances his account names as used (alcohol, cannabis, cocaine), to tick before the practitioner confirms. */
export function substancesMentioned(account: string): SubstanceChoice[] {
  const text = account.replace(new RegExp(NOT_ALCOHOL.source, 'gi'), ' ');
  return MENTION.filter(([, re]) => [...text.matchAll(re)].some((m) => !DENIED.test(text.slice(Math.max(0, m.index - 40), m.index)))).map(([id]) => id);
}

/** The AUDIT-C / CUDIT-R first answer (how often he uses it, option index) that the frequency already given settles. */
export function firstScreenAnswer(frequency: Frequency | undefined): number | undefined {
  const index: Partial<Record<Frequency, number>> = { never: 0, less_than_monthly: 1, monthly: 1, two_four_month: 2, weekly: 2, two_three_week: 3, four_plus_week: 4, daily: 4 };
  return frequency === undefined ? undefined : index[frequency];
}

/** Substances offered by name; "other" asks for the drug's name. */
export type SubstanceChoice = 'alcohol' | 'cannabis' | 'cocaine' | 'other';

/** The substance buttons, in the order offered. */
export const SUBSTANCE_OPTIONS: readonly PickOption<SubstanceChoice>[] = [
  { id: 'alcohol', label: 'substance.alcohol' },
  { id: 'cannabis', label: 'substance.cannabis' },
  { id: 'cocaine', label: 'substance.cocaine' },
  { id: 'other', label: 'substance.other' },
];

/** How a named substance is written inside a sentence. */
export const SUBSTANCE_NAMES: Readonly<Record<Exclude<SubstanceChoice, 'other'>, PromptKey>> = {
  alcohol: 'substance.nameAlcohol',
  cannabis: 'substance.nameCannabis',
  cocaine: 'substance.nameCocaine',
};

/** The recorded substance when he says he uses none, so the record shows the denial rather than a blank. */
export const NONE_SUBSTANCE = 'alcohol and drugs';

/** Frequency buttons, in the order offered. */
export const FREQUENCY_OPTIONS: readonly { id: Frequency; label: PromptKey }[] = [
  { id: 'never', label: 'substance.freqNever' },
  { id: 'less_than_monthly', label: 'substance.freqLessThanMonthly' },
  { id: 'monthly', label: 'substance.freqMonthly' },
  { id: 'two_four_month', label: 'substance.freqTwoFourMonth' },
  { id: 'weekly', label: 'substance.freqWeekly' },
  { id: 'two_three_week', label: 'substance.freqTwoThreeWeek' },
  { id: 'four_plus_week', label: 'substance.freqFourPlusWeek' },
  { id: 'daily', label: 'substance.freqDaily' },
  { id: 'not_known', label: 'substance.freqNotKnown' },
];

/** What the practitioner can record about his pattern of use. */
export type SignId = 'heavy' | DependenceSign | Harm;

/** The sign and harm buttons, in the order offered. */
export const SIGN_OPTIONS: readonly PickOption<SignId>[] = [
  { id: 'heavy', label: 'substance.signHeavy' },
  { id: 'needs_to_get_going', label: 'substance.signGetGoing' },
  { id: 'withdrawal', label: 'substance.signWithdrawal' },
  { id: 'cannot_cut_down', label: 'substance.signCannotCutDown' },
  { id: 'despite_harm', label: 'substance.signDespiteHarm' },
  { id: 'sleep', label: 'substance.harmSleep' },
  { id: 'money', label: 'substance.harmMoney' },
  { id: 'mood', label: 'substance.harmMood' },
  { id: 'baby_care', label: 'substance.harmBabyCare' },
];

/** Splits picked signs into the fields deriveLevel reads. */
export function splitSigns(signs: readonly SignId[]): { heavy: boolean; dependenceSigns: DependenceSign[]; harms: Harm[] } {
  return {
    heavy: signs.includes('heavy'),
    dependenceSigns: DEPENDENCE_SIGNS.filter((s) => signs.includes(s)),
    harms: HARMS.filter((h) => signs.includes(h)),
  };
}

/** How each level is named in the confirmation message. */
export const LEVEL_WORDING: Readonly<Record<SubstanceLevel, PromptKey>> = {
  none: 'substance.levelNone',
  use: 'substance.levelUse',
  misuse: 'substance.levelMisuse',
  dependence: 'substance.levelDependence',
  unknown: 'substance.levelUnknown',
};

/** What "not explored" inside a substance's details hands back, so the domain dialog records the whole domain as not explored. */
export const SKIPPED = { skipped: true } as const;
/** True when a child ended because the practitioner said "not explored". */
export function isSkipped(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { skipped?: unknown }).skipped === true;
}

/** What the details dialog has gathered about one substance. */
export interface DetailValues {
  substance: string;
  display: string;
  frequency?: Frequency;
  amount: string;
  spend: string;
  signs: SignId[];
}

/** The entry for one substance, its level derived, and the practitioner's confirmation ("level of use recorded: …"). */
export function recordSubstance(v: DetailValues, screen: ScreenResult | null): { entry: SubstanceEntry; message: string } {
  const level = deriveLevel({ frequency: v.frequency, amount: v.amount, spend: v.spend, ...splitSigns(v.signs), screen });
  const frequency = t(FREQUENCY_OPTIONS.find((o) => o.id === v.frequency)!.label);
  const entry = SubstanceEntry.parse({ substance: v.substance, frequency, amount: v.amount, spend: v.spend, level, screen });
  const vars = { substance: v.display, level: t(LEVEL_WORDING[level]) };
  const message = screen
    ? t('substance.levelWithScreen', { ...vars, instrument: screen.instrument, score: screen.score, band: screen.band })
    : t('substance.levelRecorded', vars);
  return { entry, message };
}
