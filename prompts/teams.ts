// Wording Seen uses only in Teams: the short answer shown to whoever pressed an Action.Execute button.

/** Teams-only lines (namespace `teams`). */
export const teams = {
  actionReceived: 'Got it: see the reply below.',
  badAction: 'I could not read that button. Please use the buttons on the latest card, or type your answer.',
} as const;
