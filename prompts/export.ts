// Wording for exporting a case's summaries: in the chat, on the Word document and on the download link's answers.

/** Wording for `export <case>` and its download link. */
export const exporting = {
  where: 'exporting a case\'s summaries',
  docTitle: 'Father-inclusive summaries — case {ref}',
  docSubtitle: 'Exported from Seen by {name} on {date}: the latest version of each of {count} summaries.',
  askCase: 'Which case would you like to export? Pick one of yours, or say **export** and the case reference (for example **export DEMO-1**).',
  noCases: 'Say **export** and the case reference, for example **export DEMO-1**.',
  caseButton: 'Export {ref}',
  unknownCase: 'I cannot find a case "{ref}". Please check the reference.',
  noSummaries: 'There is no saved summary on case {ref} yet, so there is nothing to export. Say **write up {ref}** to record a contact.',
  readyFiles: 'The latest summaries on case {ref} ({count}): download them as Markdown or Word below, or copy the Markdown from the next message.',
  readyLinks: 'The latest summaries on case {ref} ({count}). Copy the Markdown below, or download it (sign in to Seen as yourself; the links work for {minutes} minutes): [Markdown]({md}) · [Word]({docx})',
  readyNoLinks: 'The latest summaries on case {ref} ({count}). Copy the Markdown below. Teams cannot take files from me, and download links need Seen\'s public address (SEEN_PUBLIC_URL) and web sign-in (SEEN_OIDC_ISSUER), which are not both set here: ask your Seen administrator for Markdown and Word downloads.',
  readyTextOnly: 'The latest summaries on case {ref} ({count}). This chat cannot take files from me, so copy the Markdown below.',
  tooLargeToAttach: 'The latest summaries on case {ref} ({count}) are too large to attach here. Copy the Markdown below.',
  part: 'Part {n} of {total}:',
  linkInvalid: 'This download link is not valid. Say **export** and the case reference in the chat with Seen for a new one.',
  linkExpired: 'This download link has expired. Say **export** and the case reference in the chat with Seen for a new one.',
  linkOtherUser: 'This download link was made for another Seen user. Sign in as yourself and say **export** and the case reference in the chat with Seen.',
  linkGone: 'There is nothing to download: the case or its summaries are no longer available to you.',
} as const;
