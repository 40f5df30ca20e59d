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
