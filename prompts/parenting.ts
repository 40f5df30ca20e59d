// Wording for parenting knowledge details: the four crying messages and the reminder for those not yet discussed.

/** Parenting knowledge wording outside the domain's open question (see prompts/domains/parenting-knowledge.ts). */
export const parenting = {
  askCrying: 'Which of the crying messages did you talk through with him? Pick each one, then **Done**, or **None of them**.',
  cryingMore: 'Noted: {picked}. Any other, or **Done**?',
  cryingNormal: 'Crying is normal and peaks around 6 to 8 weeks',
  comfortingHelps: 'Comforting can help',
  okToWalkAway: 'It is OK to put the baby down safely and walk away for a few minutes',
  neverShake: 'Never shake a baby',
  done: 'Done',
  none: 'None of them',
  cryingReminder: 'Worth talking through with him at the next contact, when the moment is right:\n- {messages}',
} as const;
