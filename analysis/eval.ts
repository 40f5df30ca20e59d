// Evaluates the analyser against a labelled set of notes: per-gap-code P/R/F1, macro F1, domain-status accuracy, per style.
import { z } from 'zod';
import { DOMAIN_IDS, GAP_CODES, type DomainId, type GapCode as Code } from '../records/practice-model';
import { CorpusMissingError, loadCorpus, motherByName, motherOf, SETS, type LoadedNote, type NoteLabel, type SetName } from './corpus';
import { analyzeNote, type AnalysisResult, type AnalyzeInput } from './index';

export { NoteLabel, SETS, type SetName } from './corpus';

/** Targets the analyser must meet on a labelled set (issue 19): macro F1, domain accuracy, and every gap code's F1. */
export const TARGETS = { macroF1: 0.9, domainAccuracy: 0.92, codeF1: 0.8 } as const;

type Counts = Record<Code, { tp: number; fp: number; fn: number }>;
/** The figures an evaluation produces. */
export interface EvalReport {
  notes: number;
  perCode: Record<Code, { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }>;
  macroF1: number;
  domainAccuracy: number;
  seenAccuracy: number;
  substanceLevelAccuracy: number;
  errors: string[];
  /** The same figures for each labelled style (notes without a style are "unstyled"). */
  byStyle: Record<string, Omit<EvalReport, 'byStyle' | 'errors'>>;
}

/** How the notes are fed to the analyser. */
export interface EvalOptions {
  /** Rewrite "Mum/mother/MOB" to her first name and tell the analyser nothing about her (issue 19's second run). */
  motherByName?: boolean;
  /** Also pass the label's people with their roles (what the write-up dialog knows); off by default, like the CLI. */
  withPeople?: boolean;
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

/** Runs the analyser on one labelled note as the options say. */
export function runNote(n: LoadedNote, o: EvalOptions = {}): AnalysisResult {
  return analyzeNote(noteInput(n, o));
}

/** The analyser's input for one labelled note as the options say (also what the learned layer is trained on). */
export function noteInput(n: LoadedNote, o: EvalOptions = {}): AnalyzeInput {
  const l = n.label;
  if (!o.motherByName) return { text: n.text, name: l.name, otherNames: l.otherNames, people: o.withPeople ? l.people : undefined };
  const mother = motherOf(l);
  const others = l.otherNames.filter((x) => x.split(/\s+/)[0] !== mother);
  const people = o.withPeople ? l.people?.filter((p) => p.role !== 'mother') : undefined;
  return { text: motherByName(n.text, mother), name: l.name, otherNames: others, people };
}

interface Tally { counts: Counts; notes: number; dRight: number; dAll: number; seenRight: number; subRight: number; subAll: number }
const tally = (): Tally => ({ counts: Object.fromEntries(GAP_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Counts, notes: 0, dRight: 0, dAll: 0,
  seenRight: 0, subRight: 0, subAll: 0 });

/** What scoring reads of a reading: the analyser's result, or a second labeller's labels (analysis/agreement.ts). */
export interface Scored {
  gaps: ReadonlyArray<{ code: Code; domain?: string | undefined }>;
  domains: Record<DomainId, { status: string }>;
  facts: { seen: { status: string }; substances: ReadonlyArray<{ substance: string; level: string }> };
}

/** Scores one note's result into the tallies, adding its errors. */
function score(l: NoteLabel, r: Scored, ts: Tally[], errors: string[]): void {
  const got = keys(r.gaps);
  const want = expectedGaps(l);
  for (const t of ts) t.notes++;
  for (const k of new Set([...got, ...want])) {
    const code = k.split(':')[0] as Code;
    const kind = got.has(k) && want.has(k) ? 'tp' : got.has(k) ? 'fp' : 'fn';
    for (const t of ts) t.counts[code][kind]++;
    if (kind !== 'tp') errors.push(`${l.id}: ${kind === 'fp' ? 'extra' : 'missed'} ${k}`);
  }
  for (const d of DOMAIN_IDS) {
    const want1 = l.domains[d] ?? 'absent';
    const ok = r.domains[d].status === want1;
    for (const t of ts) { t.dAll++; if (ok) t.dRight++; }
    if (!ok) errors.push(`${l.id}: ${d} ${r.domains[d].status} (want ${want1})`);
  }
  const seenOk = r.facts.seen.status === l.seen;
  for (const t of ts) if (seenOk) t.seenRight++;
  if (!seenOk) errors.push(`${l.id}: seen ${r.facts.seen.status} (want ${l.seen})`);
  for (const [sub, lvl] of Object.entries(l.substances)) {
    const f = r.facts.substances.find((s) => s.substance === sub);
    for (const t of ts) { t.subAll++; if (f?.level === lvl) t.subRight++; }
    if (f?.level !== lvl) errors.push(`${l.id}: ${sub} ${f?.level ?? 'missing'} (want ${lvl})`);
  }
}

/** Turns tallies into figures. */
function figures(t: Tally): Omit<EvalReport, 'byStyle' | 'errors'> {
  const perCode = {} as EvalReport['perCode'];
  for (const c of GAP_CODES) {
    const { tp, fp, fn } = t.counts[c];
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perCode[c] = { tp, fp, fn, precision, recall, f1 };
  }
  const macroF1 = GAP_CODES.reduce((a, c) => a + perCode[c].f1, 0) / GAP_CODES.length;
  return {
    notes: t.notes, perCode, macroF1, domainAccuracy: t.dAll ? t.dRight / t.dAll : 1,
    seenAccuracy: t.notes ? t.seenRight / t.notes : 1, substanceLevelAccuracy: t.subAll ? t.subRight / t.subAll : 1,
  };
}

/** Runs the analyser over every labelled note in `dir` and scores it, overall and per style. */
export function evaluate(dir: string, o: EvalOptions = {}): EvalReport {
  return scoreReadings(loadCorpus(dir), (n) => runNote(n, o));
}

/** Scores a reading of each note against its label; a note with no reading (undefined) is left out. */
export function scoreReadings(notes: readonly LoadedNote[], readingOf: (n: LoadedNote) => Scored | undefined): EvalReport {
  const all = tally();
  const styles = new Map<string, Tally>();
  const errors: string[] = [];
  for (const n of notes) {
    const reading = readingOf(n);
    if (!reading) continue;
    const style = n.label.style ?? 'unstyled';
    if (!styles.has(style)) styles.set(style, tally());
    score(n.label, reading, [all, styles.get(style)!], errors);
  }
  const byStyle = Object.fromEntries([...styles].sort(([a], [b]) => a.localeCompare(b)).map(([s, t]) => [s, figures(t)]));
  return { ...figures(all), errors, byStyle };
}

/** Whether a report meets every target. */
export function meetsTargets(r: Pick<EvalReport, 'macroF1' | 'domainAccuracy' | 'perCode'>): boolean {
  return r.macroF1 >= TARGETS.macroF1 && r.domainAccuracy >= TARGETS.domainAccuracy && GAP_CODES.every((c) => r.perCode[c].f1 >= TARGETS.codeF1);
}

/** Formats a report as a table, then one line per style. */
export function formatReport(r: EvalReport): string {
  const f = (n: number) => n.toFixed(3);
  const p = (n: number) => String(n).padStart(4);
  const rows = GAP_CODES.map((c) => {
    const x = r.perCode[c];
    return `${c.padEnd(24)} ${p(x.tp)} ${p(x.fp)} ${p(x.fn)}  ${f(x.precision)}  ${f(x.recall)}  ${f(x.f1)}`;
  });
  const styles = Object.entries(r.byStyle);
  return [
    `notes: ${r.notes}`,
    `${'code'.padEnd(24)}   tp   fp   fn  prec   rec    f1`,
    ...rows,
    `macro F1 over gap codes: ${f(r.macroF1)} (target ≥ ${TARGETS.macroF1}; every code ≥ ${TARGETS.codeF1})`,
    `domain-status accuracy:  ${f(r.domainAccuracy)} (target ≥ ${TARGETS.domainAccuracy})`,
    `seen accuracy:           ${f(r.seenAccuracy)}`,
    `substance level accuracy: ${f(r.substanceLevelAccuracy)}`,
    ...(styles.length > 1 ? ['per style (notes, macro F1, domain accuracy, lowest code F1):'] : []),
    ...(styles.length > 1 ? styles.map(([s, x]) => {
      const low = GAP_CODES.reduce((a, c) => (x.perCode[c].f1 < x.perCode[a].f1 ? c : a), GAP_CODES[0]);
      return `  ${s.padEnd(22)} ${p(x.notes)}  ${f(x.macroF1)}  ${f(x.domainAccuracy)}  ${low} ${f(x.perCode[low].f1)}`;
    }) : []),
  ].join('\n');
}

/** Parsed CLI arguments. */
export interface EvalArgs { dir: string; verbose: boolean; motherByName: boolean; withPeople: boolean }

/** Parses CLI args: `--set <name>` (default original) or a directory, `--verbose`, `--mother-by-name`, `--with-people`. */
export function parseEvalArgs(args: readonly string[]): EvalArgs {
  const Args = z.object({ set: z.enum(Object.keys(SETS) as [SetName, ...SetName[]]).default('original'), dir: z.string().optional() });
  let set: string | undefined;
  let dir: string | undefined;
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--set') set = args[++i];
    else if (a.startsWith('--set=')) set = a.slice('--set='.length);
    else if (['--verbose', '--mother-by-name', '--with-people'].includes(a)) flags.add(a);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dir = a;
  }
  const parsed = Args.parse({ set, dir });
  return { dir: parsed.dir ?? SETS[parsed.set], verbose: flags.has('--verbose'), motherByName: flags.has('--mother-by-name'),
    withPeople: flags.has('--with-people') };
}

/** CLI: `npm run eval:analysis -- [--set original|heldout|varied|sealed|sealed2|sealed3|sealed4|sealed5|sealed6|sealed7 | dir] [--mother-by-name] [--with-people] [--verbose]`. */
if (require.main === module) {
  try {
    const a = parseEvalArgs(process.argv.slice(2));
    const r = evaluate(a.dir, { motherByName: a.motherByName, withPeople: a.withPeople });
    process.stdout.write(`${a.motherByName ? 'mode: mother by name\n' : ''}${formatReport(r)}\n`);
    if (a.verbose) process.stdout.write(`${r.errors.join('\n')}\n`);
    const ok = meetsTargets(r);
    process.stdout.write(ok ? 'eval: targets met\n' : 'eval: BELOW TARGET\n');
    process.exitCode = ok ? 0 : 1;
  } catch (e) {
    if (!(e instanceof CorpusMissingError) && !(e instanceof z.ZodError) && !/unknown option/.test((e as Error).message)) throw e;
    process.stderr.write(`eval: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
