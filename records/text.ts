// Text as Seen keeps it, for every boundary (chat, Direct Line, CLI): well-formed, NFC, limits in code points.

const NUL = /\u0000/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * One piece of typed text as Seen keeps it: U+0000 removed (PostgreSQL can store it neither in text nor in JSON),
 * lone surrogates replaced with U+FFFD (PostgreSQL refuses them; SQLite would keep them), and NFC, so "é" typed two
 * ways is one word to the analyser and to a search. Everything else stays as typed.
 */
export function normaliseText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\ufffd').normalize('NFC');
}

/** The first `max` code points of `text` (not UTF-16 units), so a cut never splits an emoji into a lone surrogate. */
export function codePointSlice(text: string, max: number): string {
  let units = 0;
  let points = 0;
  for (const ch of text) {
    if (points === max) return text.slice(0, units);
    units += ch.length;
    points += 1;
  }
  return text;
}

/** How many code points `text` has (what a person counts as characters, closer than UTF-16 units). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** How deep a card submission's value is cleaned; deeper values are left to the dialogs' zod schemas, which refuse them. */
const MAX_DEPTH = 8;

// The value with every string in it normalised.
function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
}

/** Normalises an activity's text and card values in place (see normaliseText); SeenBot.run calls it first. */
export function normaliseInput(activity: { text?: unknown; value?: unknown }): void {
  if (typeof activity.text === 'string') activity.text = normaliseText(activity.text);
  if (activity.value !== undefined) activity.value = clean(activity.value, 0);
}
