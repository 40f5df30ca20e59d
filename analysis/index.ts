// The write-up analyser: analyzeNote reads a visit note about one man and returns domains, gaps and facts.
import { DOMAIN_IDS } from '../records/practice-model';
import { PIPELINE } from './pipeline';
import { shippedModel } from './model/model';
import { mendSpelling } from './steps/spelling';
import { AnalysisResult, AnalyzeInput, type Ctx } from './types';

export { AnalysisResult, AnalyzeInput, KnownPerson, PERSON_ROLES, PersonRole } from './types';
export type { Gap, SubstanceFact, Facts, DomainResult } from './types';
export { PIPELINE } from './pipeline';
export { peopleFromPresent } from './steps/people';

/** Normalises quotes, dashes and odd whitespace so the lexicons see plain text. */
export function normalise(text: string): string {
  return text
    .replace(/\u0000/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u2000-\u200b\t\f\v]/g, ' ')
    .replace(/\r\n?/g, '\n');
}

/** The empty context the pipeline starts from. */
function start(input: AnalyzeInput): Ctx {
  return {
    input: { text: input.text, name: input.name.trim(), otherNames: input.otherNames ?? [], people: input.people ?? [] },
    text: mendSpelling(normalise(input.text)),
    people: { name: input.name.trim().split(/\s+/)[0]!, surname: null, names: new Map(), rolesNotHim: new Set() },
    sentences: [],
    clauses: [],
    domains: Object.fromEntries(DOMAIN_IDS.map((d) => [d, { status: 'absent' as const, evidence: [] as string[] }])) as unknown as Ctx['domains'],
    facts: { present: [], seen: { status: 'not_seen', evidence: [] }, substances: [], cryingMessages: [], cryingDiscussed: { discussed: false,
      evidence: [] }, factors: [], infoSought: [] },
    gaps: [],
  };
}

/** Runs the pipeline on one note, leaving out the named steps (training reads the rules alone: `skip` = ['model']). */
export function readNote(input: AnalyzeInput, skip: readonly string[] = []): Ctx {
  const parsed = AnalyzeInput.parse(input);
  let ctx = start(parsed);
  for (const step of PIPELINE) if (!skip.includes(step.name)) ctx = { ...ctx, ...step.run(ctx) };
  return ctx;
}

/** The result a context gives, zod-validated. */
export function resultOf(ctx: Ctx): AnalysisResult {
  return AnalysisResult.parse({ domains: ctx.domains, gaps: ctx.gaps, facts: ctx.facts });
}

/** Loads the learned layer's weights now (about 0.1 s) rather than on the first note; throws ModelError when they are missing or malformed. */
export function loadAnalyser(): void {
  shippedModel();
}

/** Analyses one visit note about the man named `name`; returns a zod-validated AnalysisResult. Throws only on invalid input. */
export function analyzeNote(input: AnalyzeInput): AnalysisResult {
  return resultOf(readNote(input));
}
