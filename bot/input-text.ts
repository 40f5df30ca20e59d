// Typed input normalised once, at the boundary, before any dialog reads it: both backends then store the same text.
import type { Activity } from 'botbuilder';
import { normaliseText } from '../records/text';

export { codePointLength, codePointSlice, normaliseText } from '../records/text';

/** How deep a card submission's value is cleaned; deeper values are left to the dialogs' zod schemas, which refuse them. */
const MAX_DEPTH = 8;

// The value with every string in it normalised.
function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
}

/** Normalises the activity's text and card values in place (see normaliseText); SeenBot.run calls it first. */
export function normaliseInput(activity: Partial<Activity>): void {
  if (typeof activity.text === 'string') activity.text = normaliseText(activity.text);
  if (activity.value !== undefined) activity.value = clean(activity.value, 0);
}
