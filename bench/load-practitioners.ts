// The simulated practitioners: fictional users, cases and men seeded per run, what each answers, and the export check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase, type DatabaseTarget } from '../adapters/open-database';
import { SqlCaseRecords } from '../adapters/sql/case-records';
import { command as exportCommand } from '../bin/commands/export';
import { DOMAIN_WORDING, t } from '../prompts';
import { DOMAIN_IDS } from '../records/practice-model';
import { ACCOUNTS, scriptedPractitioner } from './practitioner';
import { NOTES_REVIEW_ACTION } from '../views/cards/notes-review-card';
import { SETS } from '../analysis/corpus';
import type { LoadAnswerer, Reply } from './load-driver';

const NOTES_DIR = SETS.original;
/** The two action lines the scripted practitioner types (test/helpers/practitioner.ts). */
const ACTIONS = ['Offer an evening visit next time', 'Share the ICON crying leaflet with Dan'];

/** One simulated practitioner: their user, their own case and man, and which path they take. */
export interface Practitioner {
  userId: string;
  caseRef: string;
  manId: string;
  manName: string;
  path: 'guided' | 'notes';
  /** The pasted note (notes path only). */
  note?: string;
}

/** The analyser's original labelled notes: id, and the man's first name as the note writes it. */
const labelsSchema = z.object({ notes: z.array(z.object({ id: z.string(), name: z.string().min(1) })).min(1) });

/** Loads the fixture notes once, each with the name of the man it is about. */
function fixtureNotes(): Array<{ name: string; text: string }> {
  const labels = labelsSchema.parse(JSON.parse(readFileSync(join(NOTES_DIR, 'labels.json'), 'utf8')));
  return labels.notes.map((n) => ({ name: n.name, text: readFileSync(join(NOTES_DIR, `${n.id}.txt`), 'utf8') }));
}

/** Creates `n` fictional practitioners (half guided, half pasting a fixture note), each with one open case and one man. */
export async function seedPractitioners(target: DatabaseTarget, n: number, now: () => Date): Promise<Practitioner[]> {
  const notes = fixtureNotes();
  const db = await openDatabase(target);
  try {
    const records = new SqlCaseRecords(db, now);
    const out: Practitioner[] = [];
    const dob = new Date(now().getTime() - 60 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 1; i <= n; i++) {
      const id = String(i).padStart(4, '0');
      const note = i % 2 === 0 ? notes[(i / 2) % notes.length]! : undefined;
      const p: Practitioner = {
        userId: `bench-${id}`, caseRef: `BENCH-${id}`, manId: `bench-${id}-man`,
        manName: `${note?.name ?? 'Dan'} (fictional)`, path: note ? 'notes' : 'guided', ...(note ? { note: note.text } : {}),
      };
      await records.upsertUser({ id: p.userId, name: `Bench Practitioner ${i} (fictional)`, role: 'practitioner', team: 'Bench', aadObjectId: null, disabled: false });
      await records.insertCase({ ref: p.caseRef, babyName: `Baby B${id} (fictional)`, babyDob: dob, team: 'Bench', practitionerId: p.userId, open: true, fictional: true });
      await records.addMan({ id: p.manId, caseRef: p.caseRef, name: p.manName, role: 'birth_father', identified: true, resident: true });
      out.push(p);
    }
    return out;
  } finally {
    await db.close();
  }
}

/** The scripted practitioner for `p`: picks their man, takes their path, and answers follow-ups with his account. */
export function answererFor(p: Practitioner): LoadAnswerer {
  const scripted = scriptedPractitioner({
    'writeup.askMan': p.manName,
    // His first name among those present, so the contact card records him as seen (as the guided practitioner's "Dan").
    'writeup.askPresent': `${p.manName.replace(/ \(fictional\)$/, '')}, Shannon (mum) and the baby`,
    ...(p.note ? { 'notes.askPath': t('notes.pathNotes'), 'notes.askNotes': p.note } : {}),
  });
  return (reply: Reply) => {
    const gap = DOMAIN_IDS.find((d) => DOMAIN_WORDING[d].followUp === reply.text);
    if (gap) return ACCOUNTS[gap];
    const review = notesReviewAnswer(reply);
    if (review) return review;
    return scripted(reply as Parameters<typeof scripted>[0]) as string | Record<string, unknown> | undefined;
  };
}

/**
 * The paste path's review card, answered as a practitioner would: his account typed on each topic the card asks about
 * (the "add" line labelled with the topic's follow-up), GP asked with his consent, not anxious, the actions on their lines.
 */
function notesReviewAnswer(reply: Reply): Record<string, unknown> | undefined {
  const content = JSON.stringify((reply as { attachments?: Array<{ content?: unknown }> }).attachments?.[0]?.content ?? null);
  if (!content.includes(`"action":"${NOTES_REVIEW_ACTION}"`)) return undefined;
  const asked = DOMAIN_IDS.filter((d) => content.includes(`"id":"text.${d}.new"`) && content.includes(JSON.stringify(DOMAIN_WORDING[d].followUp)));
  return { type: 'message', value: {
    action: NOTES_REVIEW_ACTION, ...Object.fromEntries(asked.flatMap((d) => [[`text.${d}.new`, ACCOUNTS[d]], [`source.${d}.new`, 'him']])),
    agencies: 'gp', consent: 'yes', anxious: 'no', actions: ACTIONS.join('\n'),
  } };
}

/** The reply that ends a practitioner's write-up. */
export const savedText = (p: Practitioner): string => t('writeup.saved', { version: 1, man: p.manName, ref: p.caseRef });

/** The part of `seen export --format json` the check reads. */
const exportedSchema = z.object({
  caseRef: z.string(),
  summaries: z.array(z.looseObject({
    manId: z.string(), author: z.string(), source: z.string(), actions: z.array(z.string()),
    contact: z.looseObject({ seenStatus: z.string() }),
    infoSought: z.looseObject({ agencies: z.array(z.string()), consentGiven: z.boolean().nullable() }),
    domains: z.record(z.string(), z.looseObject({ status: z.string(), account: z.string(), statements: z.array(z.looseObject({ text: z.string(), source: z.string() })).default([]) })),
  })),
});

/** Runs the real `seen export <ref> --format json --db <file | postgres://…?schema=…>` command in this process and parses its output. */
async function exportJson(ref: string, db: string): Promise<z.infer<typeof exportedSchema>> {
  let out = '';
  let err = '';
  const code = await exportCommand.run([ref, '--format', 'json', '--db', db], { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: async () => Buffer.alloc(0) });
  if (code !== 0) throw new Error(`seen export ${ref} exited ${code}: ${err.trim()}`);
  return exportedSchema.parse(JSON.parse(out));
}

/** Why a saved write-up does not match what was sent (read back from `db`, the export's `--db`); empty when it matches. */
export async function checkExport(p: Practitioner, sent: ReadonlyArray<string | Record<string, unknown>>, db: string): Promise<string[]> {
  const problems: string[] = [];
  const exported = await exportJson(p.caseRef, db);
  if (exported.summaries.length !== 1) return [`${p.caseRef}: ${exported.summaries.length} summaries, expected 1`];
  const s = exported.summaries[0]!;
  const expect = (ok: boolean, what: string) => void (ok || problems.push(`${p.caseRef}: ${what}`));
  expect(s.manId === p.manId, 'man');
  expect(s.author === p.userId, 'author');
  expect(s.source === p.path, `source ${s.source}`);
  expect(s.contact.seenStatus === 'seen', 'seen status');
  expect(s.infoSought.agencies.includes('gp') && s.infoSought.consentGiven === true, 'information sought and consent');
  expect(ACTIONS.every((a) => s.actions.includes(a)), 'actions');
  // What was typed, in messages and in the fields of the cards sent (a topic card carries its account in `value`).
  const typed = sent.flatMap((m) => (typeof m === 'string' ? [m] : Object.values((m as { value?: Record<string, unknown> }).value ?? {}).filter((v): v is string => typeof v === 'string')));
  for (const d of DOMAIN_IDS) {
    const entry = s.domains[d];
    if (!typed.includes(ACCOUNTS[d])) {
      // His own account on the notes path is a statement of his (the review card's typed answers included), not the account field alone.
      expect(p.path === 'notes' && entry?.status === 'covered' && (entry.account.length > 0 || entry.statements.some((x) => x.source === 'him' && x.text.length > 0)), `${d} neither answered nor covered by the notes`);
      continue;
    }
    const account = entry?.account ?? '';
    expect(p.path === 'guided' ? account === ACCOUNTS[d] : account.startsWith(ACCOUNTS[d]), `${d} account differs from what was sent`);
  }
  return problems;
}
