// Evaluates the analyser against a labelled set of notes: per-gap-code P/R/F1, macro F1 and domain-status accuracy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DOMAIN_IDS, DomainId, DomainStatus, GAP_CODES, GapCode, SubstanceLevel, type GapCode as Code } from '../records/practice-model';
import { analyzeNote } from './index';

/** One labelled note (text in `<id>.txt` beside labels.json). */
export const NoteLabel = z.object({
  id: z.string(),
  name: z.string(),
  otherNames: z.array(z.string()).default([]),
  domains: z.partialRecord(DomainId, DomainStatus).default({}),
  gaps: z.array(GapCode),
  seen: z.enum(['seen', 'spoken_to', 'not_seen']),
  substances: z.record(z.string(), SubstanceLevel).default({}),
});
export type NoteLabel = z.infer<typeof NoteLabel>;
const Labels = z.object({ notes: z.array(NoteLabel) });

/** Targets the analyser must meet on the labelled set. */
export const TARGETS = { macroF1: 0.9, domainAccuracy: 0.92 } as const;

/** The figures an evaluation produces. */
export interface EvalReport {
  notes: number;
  perCode: Record<Code, { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }>;
  macroF1: number;
  domainAccuracy: number;
  seenAccuracy: number;
  substanceLevelAccuracy: number;
  errors: string[];
}

/** Gap keys for one note: DOMAIN_ABSENT/OWN_ACCOUNT_MISSING per domain, the rest per code. */
function keys(gaps: ReadonlyArray<{ code: Code; domain?: string }>): Set<string> {
  return new Set(gaps.map((g) => (g.code === 'DOMAIN_ABSENT' || g.code === 'OWN_ACCOUNT_MISSING' ? `${g.code}:${g.domain}` : g.code)));
}

/** The gaps a label implies: domain gaps from the statuses, plus the listed codes. */
export function expectedGaps(l: NoteLabel): Set<string> {
  const out = new Set<string>(l.gaps);
  for (const d of DOMAIN_IDS) {
    const s = l.domains[d] ?? 'absent';
    if (s === 'absent') out.add(`DOMAIN_ABSENT:${d}`);
    if (s === 'secondhand') out.add(`OWN_ACCOUNT_MISSING:${d}`);
  }
  return out;
}

/** Runs the analyser over every labelled note in `dir` and scores it. */
export function evaluate(dir: string): EvalReport {
  const { notes } = Labels.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  const counts = Object.fromEntries(GAP_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Code, { tp: number; fp: number; fn: number }>;
  let dRight = 0, dAll = 0, seenRight = 0, subRight = 0, subAll = 0;
  const errors: string[] = [];
  for (const l of notes) {
    const text = readFileSync(join(dir, `${l.id}.txt`), 'utf8');
    const r = analyzeNote({ text, name: l.name, otherNames: l.otherNames });
    const got = keys(r.gaps);
    const want = expectedGaps(l);
    for (const k of new Set([...got, ...want])) {
      const code = k.split(':')[0] as Code;
      if (got.has(k) && want.has(k)) counts[code].tp++;
      else if (got.has(k)) { counts[code].fp++; errors.push(`${l.id}: extra ${k}`); }
      else { counts[code].fn++; errors.push(`${l.id}: missed ${k}`); }
    }
    for (const d of DOMAIN_IDS) {
      dAll++;
      const want1 = l.domains[d] ?? 'absent';
      if (r.domains[d].status === want1) dRight++;
      else errors.push(`${l.id}: ${d} ${r.domains[d].status} (want ${want1})`);
    }
    if (r.facts.seen.status === l.seen) seenRight++;
    else errors.push(`${l.id}: seen ${r.facts.seen.status} (want ${l.seen})`);
    for (const [sub, lvl] of Object.entries(l.substances)) {
      subAll++;
      const f = r.facts.substances.find((s) => s.substance === sub);
      if (f?.level === lvl) subRight++;
      else errors.push(`${l.id}: ${sub} ${f?.level ?? 'missing'} (want ${lvl})`);
    }
  }
  const perCode = {} as EvalReport['perCode'];
  for (const c of GAP_CODES) {
    const { tp, fp, fn } = counts[c];
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perCode[c] = { tp, fp, fn, precision, recall, f1 };
  }
  const macroF1 = GAP_CODES.reduce((a, c) => a + perCode[c].f1, 0) / GAP_CODES.length;
  return { notes: notes.length, perCode, macroF1, domainAccuracy: dRight / dAll, seenAccuracy: seenRight / notes.length, substanceLevelAccuracy: subAll ? subRight / subAll : 1, errors };
}

/** Formats a report as a table. */
export function formatReport(r: EvalReport): string {
  const f = (n: number) => n.toFixed(3);
  const rows = GAP_CODES.map((c) => `${c.padEnd(24)} ${String(r.perCode[c].tp).padStart(4)} ${String(r.perCode[c].fp).padStart(4)} ${String(r.perCode[c].fn).padStart(4)}  ${f(r.perCode[c].precision)}  ${f(r.perCode[c].recall)}  ${f(r.perCode[c].f1)}`);
  return [
    `notes: ${r.notes}`,
    `${'code'.padEnd(24)}   tp   fp   fn  prec   rec    f1`,
    ...rows,
    `macro F1 over gap codes: ${f(r.macroF1)} (target ≥ ${TARGETS.macroF1})`,
    `domain-status accuracy:  ${f(r.domainAccuracy)} (target ≥ ${TARGETS.domainAccuracy})`,
    `seen accuracy:           ${f(r.seenAccuracy)}`,
    `substance level accuracy: ${f(r.substanceLevelAccuracy)}`,
  ].join('\n');
}

/** The named labelled sets: the tuning set and the held-out set written before tuning. */
export const SETS = {
  original: join(__dirname, '..', 'test', 'fixtures', 'notes'),
  heldout: join(__dirname, '..', 'test', 'fixtures', 'notes-heldout'),
} as const;
export type SetName = keyof typeof SETS;

/** Parses CLI args: `--set <name>` (default original), an optional explicit directory, `--verbose`. */
export function parseEvalArgs(args: readonly string[]): { dir: string; verbose: boolean } {
  const Args = z.object({ set: z.enum(Object.keys(SETS) as [SetName, ...SetName[]]).default('original'), dir: z.string().optional(), verbose: z.boolean() });
  let set: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--set') set = args[++i];
    else if (a.startsWith('--set=')) set = a.slice('--set='.length);
    else if (!a.startsWith('--')) dir = a;
  }
  const parsed = Args.parse({ set, dir, verbose: args.includes('--verbose') });
  return { dir: parsed.dir ?? SETS[parsed.set], verbose: parsed.verbose };
}

/** CLI: `npm run eval:analysis [-- --set original|heldout] [-- dir] [--verbose]`; exits 1 when below target. */
if (require.main === module) {
  const { dir, verbose } = parseEvalArgs(process.argv.slice(2));
  const r = evaluate(dir);
  process.stdout.write(`${formatReport(r)}\n`);
  if (verbose) process.stdout.write(`${r.errors.join('\n')}\n`);
  const ok = r.macroF1 >= TARGETS.macroF1 && r.domainAccuracy >= TARGETS.domainAccuracy;
  process.stdout.write(ok ? 'eval: targets met\n' : 'eval: BELOW TARGET\n');
  process.exitCode = ok ? 0 : 1;
}
