// Wording Seen uses only in Teams: the app's name and command list in the manifest, and the answer to an Action.Execute button.

/** Teams-only lines (namespace `teams`); manifest limits: short name 30, short description 80, command title 32, description 128. */
export const teams = {
  actionReceived: 'Got it: see the reply below.',
  badAction: 'I could not read that button. Please use the buttons on the latest card, or type your answer.',
  appShortName: 'Seen',
  appFullName: 'Seen: see, engage and assess fathers and male carers',
  descriptionShort: 'Prepare for visits and write up what you learn about fathers and male carers.',
  descriptionFull:
    'Seen helps child-safeguarding practitioners see, engage and assess the fathers and male carers of babies under one. ' +
    'Before a visit it shows who the men in the baby\'s life are, what is known and never explored about each, a few open questions to try, and the reminders that are due. ' +
    'After the visit it guides the write-up and saves a structured summary to the case record. It never scores or labels a father.',
  developerName: 'Seen maintainers',
  cmdPrepare: 'prepare',
  cmdPrepareHelp: 'Prepare for a home visit: prepare DEMO-3',
  cmdWriteUp: 'write up',
  cmdWriteUpHelp: 'Write up a visit and what you learned about him: write up DEMO-3',
  cmdCoverage: 'coverage',
  cmdCoverageHelp: 'Supervisors: father coverage across your team\'s cases',
  cmdHelp: 'help',
  cmdHelpHelp: 'What Seen can do, or help with the question you are on',
  tabCoverage: 'Coverage',
  tabSigningIn: 'Signing you in with Teams…',
  tabLoading: 'Loading your team\'s figures…',
  tabSignInFailed: 'Teams could not sign you in to Seen. Close and reopen the tab; if it keeps happening, ask your Seen administrator.',
  tabNotASeenUser: 'You are not a Seen user. Please ask your Seen administrator to add you.',
  tabNotInTeams: 'This page is the Seen tab inside Microsoft Teams. Outside Teams, open the coverage page instead.',
} as const;
