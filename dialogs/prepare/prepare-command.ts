// The words that start the prepare job, and the command texts Seen's buttons send (data, not wording).

/** `prepare` or `prepare DEMO-3` (also `prepare for DEMO-3`): starts preparing a visit, optionally for a case reference. */
export function prepareCommand(text: string | undefined): { caseRef: string | null } | undefined {
  const m = /^\s*prepare(?:\s+(?:for\s+)?([A-Za-z0-9][A-Za-z0-9_-]{0,49}))?\s*[.!]?\s*$/i.exec(text ?? '');
  return m ? { caseRef: m[1] ? m[1].toUpperCase() : null } : undefined;
}

/** The message a "prepare" button sends, which `prepareCommand` reads back. */
export function prepareCommandText(caseRef: string): string {
  return `prepare ${caseRef}`;
}

/** The message a "write up" button sends, which the write-up command reads back. */
export function writeUpCommandText(caseRef: string): string {
  return `write up ${caseRef}`;
}
