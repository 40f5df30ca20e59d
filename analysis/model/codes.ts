// Experimental per-note models for the note-level gap codes: features from the rules' facts and the words they rest on.
import type { GapCode } from '../../records/practice-model';
import type { Ctx } from '../types';
import { isHim } from '../steps/attribution';
import { stem, type Features } from './features';

/** The note-level codes a per-note model may decide. */
export const NOTE_CODES = ['SUBSTANCE_LEVEL_UNKNOWN', 'FACTORS_COMBINE', 'INFO_NOT_SOUGHT', 'VAGUE_REASSURANCE', 'FATHER_NOT_SEEN'] as const satisfies readonly GapCode[];
export type NoteCode = (typeof NOTE_CODES)[number];

const bucket = (n: number): string => (n >= 4 ? '4+' : String(n));

function words(f: Features, prefix: string, texts: readonly string[]): void {
  for (const t of texts) {
    const ws = (t.toLowerCase().match(/[a-z0-9']+/g) ?? []).map((w) => (/^\d/.test(w) ? '<num>' : stem(w)));
    for (let i = 0; i < ws.length; i++) {
      f.set(`${prefix}${ws[i]}`, 1);
      if (i + 1 < ws.length) f.set(`${prefix}${ws[i]}_${ws[i + 1]}`, 1);
    }
  }
}

/** The features of one code in one note (rules only). */
export function codeFeatures(ctx: Ctx, code: NoteCode, noteWords: boolean): Features {
  const f: Features = new Map([['bias', 1]]);
  const fired = ctx.gaps.some((g) => g.code === code);
  f.set(`rule=${fired}`, 1);
  const fa = ctx.facts;
  if (code === 'SUBSTANCE_LEVEL_UNKNOWN') {
    f.set(`ns=${bucket(fa.substances.length)}`, 1);
    for (const s of fa.substances) {
      f.set(`lvl=${s.level}`, 1);
      f.set(`sub=${s.substance}|lvl=${s.level}`, 1);
      if (s.suspected) f.set('suspected', 1);
      if (s.frequency) f.set('freq', 1);
      if (s.amount) f.set('amount', 1);
      if (s.spend) f.set('spend', 1);
      words(f, 'w:', s.evidence);
    }
  } else if (code === 'FACTORS_COMBINE') {
    f.set(`nf=${bucket(fa.factors.length)}`, 1);
    for (const x of fa.factors) { f.set(`f=${x.id}`, 1); words(f, `w:`, x.evidence); }
  } else if (code === 'INFO_NOT_SOUGHT') {
    f.set(`ni=${bucket(fa.infoSought.length)}`, 1);
    for (const x of fa.infoSought) { f.set(`a=${x.agency}|${x.kind}`, 1); words(f, 'w:', x.evidence); }
  } else if (code === 'VAGUE_REASSURANCE') {
    const v = ctx.clauses.filter((c) => c.vague && !c.plan);
    const him = v.filter((c) => isHim(c.subject) || c.mentionsHim);
    f.set(`nv=${bucket(v.length)}`, 1);
    f.set(`nvh=${bucket(him.length)}`, 1);
    words(f, 'w:', v.map((c) => c.text));
  } else {
    f.set(`seen=${fa.seen.status}`, 1);
    if (ctx.document) f.set('document', 1);
    words(f, 'w:', fa.seen.evidence);
  }
  if (noteWords) words(f, 'nw:', ctx.sentences.map((s) => s.text));
  return f;
}
