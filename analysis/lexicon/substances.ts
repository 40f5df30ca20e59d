// Substances, frequencies, amounts and spend (substances.txt), and the thresholds that turn them into a level.
import { list, rx } from './load';

const NAMES = ['alcohol', 'cannabis', 'cocaine', 'heroin', 'other_drugs', 'drugs'] as const;
/** Substance names: the canonical name and the alternatives that mean it. */
export const SUBSTANCES: ReadonlyArray<readonly [string, string]> = NAMES.map((n) => [n, list('substances', `SUBSTANCES.${n}`).join('|')] as const);

/** Non-alcohol "drink" contexts that are not alcohol (tea, water, the baby's bottle). */
export const NOT_ALCOHOL = rx('substances', 'NOT_ALCOHOL');
/** Frequencies: specific ones establish a pattern; vague ones do not. */
export const FREQUENCY = rx('substances', 'FREQUENCY');
/** Amounts: a number (or number word) with a unit, or a fixed quantity. */
export const AMOUNT = rx('substances', 'AMOUNT');
/** Money spent. */
export const SPEND = rx('substances', 'SPEND');
/** Vague quantities and frequencies: these do not establish a level. */
export const VAGUE_USE = rx('substances', 'VAGUE_USE');
/** Qualitative signals of dependence (withdrawal, morning drinking, treatment for dependence). */
export const DEPENDENCE_CUES = rx('substances', 'DEPENDENCE_CUES');
/** Past use only ("used to", "stopped"): not current use. */
export const PAST_USE = rx('substances', 'PAST_USE');

/** Number words to numbers, for amounts. */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, 'a couple of': 2, 'half a': 0.5, 'a half': 0.5,
};

/** Approximate UK units per item, for turning alcohol amounts into weekly units. */
export const UNITS_PER_ITEM: Record<string, number> = {
  can: 2, tin: 2, pint: 2.3, bottle: 9, spirits_bottle: 26, glass: 2.3, unit: 1, shot: 1, measure: 1, drink: 2, litre: 10, ltr: 10,
};

/** Weekly alcohol units above which use is misuse, and above which dependence is likely (screen thresholds, simplified). */
export const ALCOHOL_UNITS = { misuse: 14, dependence: 70 } as const;
/** Weekly spend on illicit drugs above which use is misuse, and dependence. */
export const DRUG_SPEND = { misuse: 40, dependence: 150 } as const;
