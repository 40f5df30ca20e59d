// The few words that mean the same thing in every dialog: help, cancel, not explored. Data, not logic.

/** Global commands a user may type at any point. */
export type GlobalCommand = 'help' | 'cancel' | 'skip';

/** Phrases for each command, matched against the whole normalised message. */
const PHRASES: Readonly<Record<GlobalCommand, readonly string[]>> = {
  help: ['help', '?', 'what can you do', 'what do i do', 'help me'],
  cancel: ['cancel', 'stop', 'quit', 'exit', 'abandon', 'cancel write up', 'cancel write-up'],
  skip: ['skip', 'not explored', 'not explored this visit', 'not covered', 'did not explore', 'didn\'t explore', 'not discussed', 'not asked'],
};

/** Lower-cases, trims and drops trailing punctuation so "Help!" and "help" match. */
export function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[\s.!]+$/u, '').replace(/\s+/g, ' ');
}

/** The global command a message is, if it is exactly one. */
export function globalCommand(text: string | undefined): GlobalCommand | undefined {
  if (!text) return undefined;
  const n = normalise(text);
  return (Object.keys(PHRASES) as GlobalCommand[]).find((c) => PHRASES[c].includes(n));
}

/** "none", "none noted", "nothing", "n/a" mean an empty answer to a strengths or concerns question. */
export function isNone(text: string): boolean {
  return ['none', 'none noted', 'nothing', 'nothing noted', 'n/a', 'na', 'no', 'nil'].includes(normalise(text));
}

/** The jobs a user starts by typing a verb and, optionally, one argument (a case reference or a team). */
export const JOB_VERBS = {
  writeUp: /^write[\s-]?up(?:\s+for)?$/i,
  correct: /^correct(?:\s+a\s+summary)?$/i,
} as const satisfies Record<string, RegExp>;
/** A job's name. */
export type Job = keyof typeof JOB_VERBS;

/** `write up DEMO-1`, `correct DEMO-1`, …: which job, and its argument upper-cased (or null). */
export function jobCommand(text: string | undefined): { job: Job; argument: string | null } | undefined {
  const m = /^\s*(.+?)(?:\s+([A-Za-z0-9][A-Za-z0-9_-]{0,49}))?\s*$/.exec(text ?? '');
  if (!m) return undefined;
  for (const [job, verb] of Object.entries(JOB_VERBS) as [Job, RegExp][]) {
    if (verb.test(m[1])) return { job, argument: m[2] ? m[2].toUpperCase() : null };
  }
  // The whole text may be the verb alone when the last word looked like an argument ("write up").
  const whole = (text ?? '').trim();
  for (const [job, verb] of Object.entries(JOB_VERBS) as [Job, RegExp][]) if (verb.test(whole)) return { job, argument: null };
  return undefined;
}
