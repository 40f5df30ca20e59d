// What a turn's typed input may carry into the records: U+0000 is removed before any dialog reads it.
import type { Activity } from 'botbuilder';

const NUL = /\u0000/g;
/** How deep a card submission's value is cleaned; deeper values are left to the dialogs' zod schemas, which refuse them. */
const MAX_DEPTH = 8;

// The value with U+0000 removed from every string in it.
function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(NUL, '');
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
}

/**
 * Removes U+0000 from the activity's text and card values, in place. Why: it carries no meaning in a practitioner's
 * words, and PostgreSQL can neither store it in text nor read a JSON body that escapes it, so a summary holding one
 * could not be projected into the coverage figures. Done for both backends, so they store the same words.
 */
export function removeNulCharacters(activity: Partial<Activity>): void {
  if (typeof activity.text === 'string') activity.text = activity.text.replace(NUL, '');
  if (activity.value !== undefined) activity.value = clean(activity.value, 0);
}
