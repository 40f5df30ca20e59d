// Heading words in "Heading: text" and bullet notes (headings.txt): who a block is about, its source, plans, presence.
import type { Who } from '../types';
import { rx } from './load';

/** Heading words that name a person; the lines under them are about that person. */
export const HEADING_PEOPLE: ReadonlyArray<readonly [Who, RegExp]> = (['him', 'mother', 'baby'] as const).map((w) => [w, rx('headings',
  `HEADING_PEOPLE.${w}`)] as const);
/** Headings whose lines come from someone else (records, agencies, the mother). */
export const HEADING_SOURCES = rx('headings', 'HEADING_SOURCES');
/** Headings whose lines are plans, not coverage. */
export const HEADING_PLANS = rx('headings', 'HEADING_PLANS');
/** Headings listing who was there. */
export const HEADING_PRESENT = rx('headings', 'HEADING_PRESENT');
