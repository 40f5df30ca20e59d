// The command texts Seen's buttons send, which the route table (bot/routes.ts) reads back: data, not wording.

/** The message a "prepare" button sends. */
export function prepareCommandText(caseRef: string): string {
  return `prepare ${caseRef}`;
}

/** The message a "write up" button sends. */
export function writeUpCommandText(caseRef: string): string {
  return `write up ${caseRef}`;
}

/** The message a "discussed" button on the coverage card sends. */
export function discussedCommandText(caseRef: string): string {
  return `discussed ${caseRef}`;
}

/** The message an "export" button sends. */
export function exportCommandText(caseRef: string): string {
  return `export ${caseRef}`;
}
