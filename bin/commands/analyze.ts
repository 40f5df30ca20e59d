// `seen analyze`: runs the write-up analyser on a note file (or stdin) and prints JSON or a readable report.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { DOMAIN_IDS } from '../../records/practice-model';
import { analyzeNote, PERSON_ROLES, type AnalysisResult, type KnownPerson } from '../../analysis';
import type { CliIo, Command } from '../cli';

/** Longest note accepted, in characters. */
export const MAX_NOTE_CHARS = 200_000;

/** The parsed, validated arguments. */
const Args = z.object({
  json: z.boolean(),
  name: z.string({ error: 'missing --name <his first name>' }).trim().min(1, 'missing --name <his first name>').max(100),
  other: z.array(z.string().trim().min(1).max(100)).max(50),
  person: z.array(z.string().regex(new RegExp(`^[^:]{1,100}:(?:${PERSON_ROLES.join('|')})$`), `--person takes Name:role, role one of ${PERSON_ROLES.join(', ')}`)).max(50),
  file: z.string({ error: 'missing note file (use - for stdin)' }).min(1, 'missing note file (use - for stdin)'),
});
type Args = z.infer<typeof Args>;

/** Turns argv into raw values; zod validates them. */
function parseArgs(argv: string[]): unknown {
  const out: { json: boolean; name?: string; other: string[]; person: string[]; file?: string } = { json: false, other: [], person: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--name') out.name = argv[++i];
    else if (a.startsWith('--name=')) out.name = a.slice(7);
    else if (a === '--other') { const v = argv[++i]; if (v !== undefined) out.other.push(v); }
    else if (a.startsWith('--other=')) out.other.push(a.slice(8));
    else if (a === '--person') { const v = argv[++i]; if (v !== undefined) out.person.push(v); }
    else if (a.startsWith('--person=')) out.person.push(a.slice(9));
    else if (a.startsWith('--') ) throw new Error(`unknown option ${a}`);
    else if (out.file === undefined) out.file = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  return out;
}

/** Decodes note bytes, refusing binary data and invalid UTF-8. */
function decode(buf: Buffer): string {
  if (buf.includes(0)) throw new Error('input looks binary (NUL bytes)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch (e) {
    throw new Error('input is not valid UTF-8', { cause: e });
  }
}

/** Reads the note from a file or stdin. */
async function readNote(file: string, io: CliIo): Promise<string> {
  if (file === '-') return decode(await io.readStdin());
  const st = await stat(file).catch((e: unknown) => { throw new Error(`cannot read ${file}: no such file`, { cause: e }); });
  if (!st.isFile()) throw new Error(`cannot read ${file}: not a file`);
  if (st.size > MAX_NOTE_CHARS * 4) throw new Error(`note is over ${MAX_NOTE_CHARS} characters`);
  return decode(await readFile(file));
}

/** The readable report: domains with status and evidence, gaps, facts. */
export function formatText(r: AnalysisResult): string {
  const lines: string[] = ['Domains'];
  for (const d of DOMAIN_IDS) {
    lines.push(`  ${d.padEnd(20)} ${r.domains[d].status}`);
    for (const e of r.domains[d].evidence) lines.push(`      - ${e}`);
  }
  lines.push('', 'Gaps');
  if (!r.gaps.length) lines.push('  none');
  for (const g of r.gaps) lines.push(`  ${g.code}${g.domain ? ` (${g.domain})` : ''}: ${g.message}`);
  const f = r.facts;
  lines.push('', 'Facts', `  seen: ${f.seen.status}`, `  present: ${f.present.join(', ') || '-'}`);
  for (const s of f.substances) lines.push(`  substance: ${s.substance} level=${s.level} frequency=${s.frequency ?? '-'} amount=${s.amount ?? '-'} spend=${s.spend ?? '-'}${s.suspected ? ' (suspected)' : ''}`);
  lines.push(`  crying discussed: ${f.cryingDiscussed.discussed ? 'yes' : 'no'}; messages: ${f.cryingMessages.map((m) => m.id).join(', ') || '-'}`);
  lines.push(`  factors: ${f.factors.map((x) => x.id).join(', ') || '-'}`);
  lines.push(`  information sought: ${f.infoSought.map((x) => `${x.agency} (${x.kind})`).join(', ') || '-'}`);
  return `${lines.join('\n')}\n`;
}

/** The command, registered in bin/commands/registry.ts. */
export const command: Command = {
  summary: 'analyse a visit note about him: analyze [--json] --name <first name> [--other <name>…] [--person Name:role…] <file|->',
  async run(argv, io) {
    let args: Args;
    let text: string;
    try {
      const parsed = Args.safeParse(parseArgs(argv));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid arguments');
      args = parsed.data;
      text = await readNote(args.file, io);
      if (!text.trim()) throw new Error('note is empty');
      if (text.length > MAX_NOTE_CHARS) throw new Error(`note is over ${MAX_NOTE_CHARS} characters`);
    } catch (e) {
      io.stderr(`seen analyze: ${(e as Error).message}\n`);
      return 2;
    }
    const people = args.person.map((p) => { const i = p.lastIndexOf(':'); return { name: p.slice(0, i).trim(), role: p.slice(i + 1) } as KnownPerson; });
    const r = analyzeNote({ text, name: args.name, otherNames: args.other, people });
    io.stdout(args.json ? `${JSON.stringify(r)}\n` : formatText(r));
    return 0;
  },
};
