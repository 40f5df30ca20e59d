// Wording for the pasted-notes path: choosing it, the coverage card, and follow-ups only for the gaps.

/** Wording for the notes path. */
export const notes = {
  askPath: 'How would you like to record what you learned about him?',
  pathGuided: 'Topic by topic',
  pathNotes: 'Paste my notes',
  askNotes: 'Paste your visit notes below (up to 20,000 characters). I read them here on this machine; nothing is sent anywhere.',
  where: 'your pasted notes',
  coverageIntro: 'Here is what your notes show about **{man}**. I will only ask about what is missing or second-hand.',
  coverageLine: '{title}: {status}{evidence}',
  evidence: ' — "{sentence}"',
  nothingMissing: 'Your notes cover all eight topics in his own words. Thank you.',
  followUpIntro: '{title} ({status}).',
  alreadyCovered: 'It is in my notes',
  correctedCovered: 'Noted: {title} is covered in your notes.',
} as const;
