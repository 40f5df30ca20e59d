// The labelled corpora under analysis/corpus/: label schema, loading, and the "mother by name" rewrite used in scoring.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainId, DomainStatus, FactorId, GapCode, SubstanceLevel } from '../records/practice-model';
import { KnownPerson } from './types';

/** One labelled note (text in `<id>.txt` beside labels.json); `style` and `people` are optional. */
export const NoteLabel = z.object({
  id: z.string(),
  name: z.string(),
  otherNames: z.array(z.string()).default([]),
  style: z.string().optional(),
  people: z.array(KnownPerson).optional(),
  domains: z.partialRecord(DomainId, DomainStatus).default({}),
  gaps: z.array(GapCode),
  seen: z.enum(['seen', 'spoken_to', 'not_seen']),
  substances: z.record(z.string(), SubstanceLevel).default({}),
  /** The combining factors the labeller recorded for him (sealed2…sealed7 only): what the factor model learns from. */
  _factors: z.array(FactorId).optional(),
});
export type NoteLabel = z.infer<typeof NoteLabel>;
const Labels = z.object({ notes: z.array(NoteLabel) });

/** The named sets: the tuning set, the in-house held-out set, the varied dev set and the sealed third (added by the lead). */
export const SETS = {
  original: join(__dirname, 'corpus', 'original'),
  heldout: join(__dirname, 'corpus', 'heldout'),
  varied: join(__dirname, 'corpus', 'varied'),
  sealed: join(__dirname, 'corpus', 'sealed'),
  sealed2: join(__dirname, 'corpus', 'sealed2'),
  sealed3: join(__dirname, 'corpus', 'sealed3'),
  sealed4: join(__dirname, 'corpus', 'sealed4'),
  sealed5: join(__dirname, 'corpus', 'sealed5'),
  sealed6: join(__dirname, 'corpus', 'sealed6'),
  sealed7: join(__dirname, 'corpus', 'sealed7'),
  sealed8: join(__dirname, 'corpus', 'sealed8'),
  sealed9: join(__dirname, 'corpus', 'sealed9'),
  sealed10: join(__dirname, 'corpus', 'sealed10'),
  sealed11: join(__dirname, 'corpus', 'sealed11'),
  sealed12: join(__dirname, 'corpus', 'sealed12'),
  sealed13: join(__dirname, 'corpus', 'sealed13'),
} as const;
export type SetName = keyof typeof SETS;

/** Thrown when a set's directory or labels file is not there (the sealed set exists only when the lead adds it). */
export class CorpusMissingError extends Error {}

/** A labelled note with its text. */
export interface LoadedNote { label: NoteLabel; text: string }

/** Reads labels.json and every note's text from `dir`; a clear error when the set is absent. */
export function loadCorpus(dir: string): LoadedNote[] {
  const file = join(dir, 'labels.json');
  if (!existsSync(file)) throw new CorpusMissingError(`no labelled set at ${dir} (labels.json missing); the sealed set exists only once the lead adds it`);
  const { notes } = Labels.parse(JSON.parse(readFileSync(file, 'utf8')));
  return notes.map((label) => ({ label, text: readFileSync(join(dir, `${label.id}.txt`), 'utf8') }));
}

/** The fictional first name used for the mother when a label does not name her. */
export const FALLBACK_MOTHER = 'Shannon';

// "his mum", "her mother", "maternal grandmother", "mum's mum" are someone else's mother: left as written.
const NOT_THE_BABYS = /(?:\b(?:his|her|their|own|my|your|paternal|maternal|grand|step|foster|birth)\s+|[A-Za-z]'s\s+|-)$/i;
const MOTHER_WORD = /\b(?:the |baby's )?(?:mum|mother|MOB)\b('s)?(,?[ \t]+)?/gi;

/**
 * Rewrites the baby's mother's role words ("Mum said", "the mother", "MOB") to her first name, as the external
 * test does. "Mum Kayleigh" becomes "Kayleigh"; "his mum" (his own mother) and "her mum" are kept.
 */
export function motherByName(text: string, mother: string): string {
  return text.replace(MOTHER_WORD, (m: string, poss: string | undefined, space: string | undefined, offset: number) => {
    if (NOT_THE_BABYS.test(text.slice(Math.max(0, offset - 24), offset))) return m;
    if (!poss && space && text.startsWith(mother, offset + m.length)) return '';
    return `${mother}${poss ?? ''}${space ?? ''}`;
  });
}

/** The mother named in a label's people, or the fallback. */
export function motherOf(l: NoteLabel): string {
  return l.people?.find((p) => p.role === 'mother')?.name.split(/\s+/)[0] ?? FALLBACK_MOTHER;
}
