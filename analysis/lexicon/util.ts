// Helpers that turn word lists into case-insensitive, word-bounded regular expressions.

/** A global, case-insensitive regex matching any of the alternatives as whole words. */
export function words(alts: readonly string[], flags = 'gi'): RegExp {
  return new RegExp(`\\b(?:${alts.join('|')})\\b`, flags);
}

/** True when the regex matches the text (resets lastIndex so shared global regexes stay safe). */
export function test(rx: RegExp, text: string): boolean {
  rx.lastIndex = 0;
  const r = rx.test(text);
  rx.lastIndex = 0;
  return r;
}

/** Escapes a literal for use inside a regex. */
export function escapeRx(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
