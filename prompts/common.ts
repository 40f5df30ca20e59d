// What Seen says at any point: greeting, help, cancel, errors and input limits.

/** Wording shared by every dialog. */
export const common = {
  greeting:
    'Hello {name}, I am Seen. I help you see, engage and assess the fathers and male carers of babies under one.\n\n' +
    'You can say:\n' +
    '- **prepare** (or **prepare DEMO-3**) before a visit: who the men are, what is known and missing, questions to try, reminders\n' +
    '- **write up** (or **write up DEMO-1**) after a visit: type or paste what you learned about him\n' +
    '- **correct DEMO-1** to correct a saved summary (a new version; nothing is overwritten)\n' +
    '- **coverage** (supervisors) to see which fathers in your team have not been seen or assessed\n' +
    '- **help** at any point, **cancel** to stop what we are doing',
  help:
    'I can help you:\n' +
    '- **prepare DEMO-3** before a visit: the men in the baby\'s life, what is known and never explored, questions to try and reminders due\n' +
    '- **write up DEMO-1** after a visit, topic by topic or by pasting your notes; **correct DEMO-1** to correct a saved summary\n' +
    '- **export DEMO-3** for the latest summaries on a case as Markdown to copy, and as a Markdown or Word file\n' +
    '- **coverage** (supervisors): fathers not seen, topics never explored, factors combining not yet discussed; **discussed DEMO-5** once they were; figures and CSV on the **/coverage** page\n\n' +
    'During a write-up: answer in your own words; say **not explored** to mark a topic as not explored this visit; **cancel** stops without saving; **help** shows this.',
  helpInDialog: 'You are in the middle of: {where}. Answer the question above in your own words, say **not explored** if you did not cover it this visit, or **cancel** to stop without saving.',
  cancelled: 'Stopped. Nothing from this write-up was saved. Say **write up** to start again.',
  nothingToCancel: 'There is nothing to cancel. Say **help** to see what I can do.',
  notUnderstood: 'Sorry, I did not follow that. Say **help** to see what I can do.',
  tooLong: 'That message is {length} characters long; I can take up to {max} in one answer. Please shorten it or split it over a few answers.',
  empty: 'I did not get any text. Please answer in a few words.',
  turnError: 'Sorry, something went wrong on my side. Anything you had already confirmed is saved safely. Please try that again.',
  saveFailed: 'Sorry, I could not save that: this write-up is NOT in the record yet. Nothing else changed, and write-ups saved before are safe. Your answers are kept, so please confirm again in a moment; if it keeps failing, tell your Seen administrator.',
  unknownUser: 'I do not recognise you as a Seen user. Please ask your Seen administrator to add you.',
  notAllowed: 'You do not have access to that. Seen shows practitioners their own allocated cases, supervisors their team\'s cases, and partnership leads anonymised figures only.',
  refusedPartnership: 'Preparing and writing up visits is for practitioners and supervisors with allocated cases. As a partnership lead you can see anonymised figures across teams on the coverage page (/coverage); say **help** to see what else I can do.',
  refusedAdmin: 'Preparing and writing up visits is for practitioners and supervisors; administrators do not see case content. You manage users and read the audit trail with the `seen` command line.',
  personalOnly: 'I only talk about cases in a one-to-one chat, so nothing from a case appears where others can read it. Please open a personal chat with me.',
  clipped: '… (full text in the record)',
  messageTooBig: 'That message was too large for this chat ({size} KB; it takes up to {max} KB), so I could not show it. Nothing is lost: your answers are kept, and the full text is in the case record and its export. Carry on from where you were.',
  badCard: 'I could not read that card submission. Please use the buttons on the latest card, or type your answer.',
  yes: 'Yes',
  no: 'No',
  userRolePractitioner: 'Practitioner',
  userRoleSupervisor: 'Supervisor',
  userRolePartnershipLead: 'Partnership lead',
  userRoleAdmin: 'Seen administrator',
} as const;
