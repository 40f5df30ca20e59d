// Published alcohol and cannabis screens (AUDIT-C, CUDIT-R): item option scores, totals and bands. SDK-free.
//
// Sources checked (scoring only; the question wording lives in prompts/substance.ts):
// - AUDIT-C: items 1–3 of the WHO AUDIT, UK units version (OHID/PHE form): each item's five options score
//   0,1,2,3,4; total 0–12. UK bands: 0–4 lower risk, 5–7 increasing risk, 8–10 higher risk,
//   11–12 possible dependence; a total of 5+ is "AUDIT-C positive" (complete the full AUDIT).
// - CUDIT-R (Adamson et al., Drug and Alcohol Dependence 110 (2010) 137–143): 8 items over the last six
//   months; items 1–7 score 0–4, item 8 scores 0, 2 or 4; total 0–32. 8+ hazardous cannabis use,
//   12+ possible cannabis use disorder.
import { z } from 'zod';
import { ScreenResult } from './model';

/** The two screens Seen scores, as named in ScreenResult.instrument. */
export type Instrument = ScreenResult['instrument'];

/** The score of each option of each item, in item order; option i of item n scores ITEM_SCORES[n][i]. */
export const ITEM_SCORES: Readonly<Record<Instrument, readonly (readonly number[])[]>> = {
  'AUDIT-C': [
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
  ],
  'CUDIT-R': [
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
    [0, 1, 2, 3, 4],
    [0, 2, 4],
  ],
};

/** Published bands, lowest first: a total is in the last band whose `min` it reaches. */
export const BANDS: Readonly<Record<Instrument, readonly { min: number; band: string }[]>> = {
  'AUDIT-C': [
    { min: 0, band: 'lower risk' },
    { min: 5, band: 'increasing risk' },
    { min: 8, band: 'higher risk' },
    { min: 11, band: 'possible dependence' },
  ],
  'CUDIT-R': [
    { min: 0, band: 'below the hazardous-use threshold' },
    { min: 8, band: 'hazardous cannabis use' },
    { min: 12, band: 'possible cannabis use disorder' },
  ],
};

/** AUDIT-C total at which the UK form calls the screen positive (go on to the full AUDIT). */
export const AUDIT_C_POSITIVE = 5;

/** Which screen fits a substance, if any: AUDIT-C for alcohol, CUDIT-R for cannabis. */
export function screenFor(substance: string): Instrument | undefined {
  if (substance === 'alcohol') return 'AUDIT-C';
  if (substance === 'cannabis') return 'CUDIT-R';
  return undefined;
}

/** Answers are the 0-based index of the option picked for each item, one per item, in item order. */
function answersSchema(instrument: Instrument) {
  const items = ITEM_SCORES[instrument];
  return z
    .array(z.number().int().min(0))
    .length(items.length, `${instrument} needs ${items.length} answers`)
    .superRefine((answers, ctx) => {
      answers.forEach((a, i) => {
        if (a >= items[i]!.length) ctx.addIssue({ code: 'custom', path: [i], message: `item ${i + 1} has ${items[i]!.length} options` });
      });
    });
}

/** The band a total falls in for an instrument. */
export function bandFor(instrument: Instrument, score: number): string {
  const bands = BANDS[instrument];
  return [...bands].reverse().find((b) => score >= b.min)!.band;
}

// Validates option indexes, turns them into item scores, totals and bands them.
function score(instrument: Instrument, answers: unknown): ScreenResult {
  const indexes = answersSchema(instrument).parse(answers);
  const itemScores = indexes.map((a, i) => ITEM_SCORES[instrument][i]![a]!);
  const total = itemScores.reduce((s, x) => s + x, 0);
  return ScreenResult.parse({ instrument, answers: itemScores, score: total, band: bandFor(instrument, total) });
}

/** Scores AUDIT-C from three option indexes (0–4 each); throws a ZodError on invalid answers. */
export function scoreAuditC(answers: readonly number[]): ScreenResult {
  return score('AUDIT-C', answers);
}

/** Scores CUDIT-R from eight option indexes (items 1–7: 0–4; item 8: 0–2 for 0/2/4 points); throws a ZodError on invalid answers. */
export function scoreCuditR(answers: readonly number[]): ScreenResult {
  return score('CUDIT-R', answers);
}

/** Scores either screen by name. */
export function scoreScreen(instrument: Instrument, answers: readonly number[]): ScreenResult {
  return score(instrument, answers);
}

/** The level a screen's total points to on its own: AUDIT-C 11+ / CUDIT-R 12+ dependence, AUDIT-C 5–10 / CUDIT-R 8–11 misuse. */
export function screenLevel(result: ScreenResult): 'dependence' | 'misuse' | undefined {
  const [misuseAt, dependenceAt] = result.instrument === 'AUDIT-C' ? [AUDIT_C_POSITIVE, 11] : [8, 12];
  if (result.score >= dependenceAt) return 'dependence';
  if (result.score >= misuseAt) return 'misuse';
  return undefined;
}
