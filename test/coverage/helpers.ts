// Shared by the coverage tests: an independent CSV reader and the demo data's identifying words.
import assert from 'node:assert/strict';
import { main, type CliIo } from '../../bin/cli';
import { DEMO_CASES, DEMO_MEN, DEMO_USERS } from '../../records/demo-data';

/** A strict RFC 4180 reader, so the test checks the CSV a spreadsheet sees, not our own writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"', i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += ch;
  }
  assert.equal(cell + row.join(''), '', 'CSV ends with CRLF');
  return rows;
}

/** Every name and case reference in the demo data: none may appear in an anonymised answer. */
export const IDENTIFYING = [
  ...DEMO_USERS.map((u) => u.name), ...DEMO_USERS.map((u) => u.id), ...DEMO_MEN.map((m) => m.name), ...DEMO_MEN.map((m) => m.id),
  ...DEMO_CASES.map((c) => c.ref), ...DEMO_CASES.map((c) => c.babyName),
];
/** First names and refs alone too (e.g. "Jordan", "DEMO-5"). */
export const IDENTIFYING_WORDS = [...new Set(IDENTIFYING.flatMap((s) => [s, s.split(' ')[0]!]))];


/** Runs `seen …` in-process and captures its output. */
export async function seen(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => Buffer.alloc(0) };
  const code = await main(argv, io);
  return { code, out, err };
}

