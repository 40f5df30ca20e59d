// The analyser's steps, registered in ONE place in the order they run; each is a small pure function of the context.
import type { Ctx } from './types';
import { learnPeople } from './steps/people';
import { splitClauses, splitSentences } from './steps/split';
import { attributeMentions } from './steps/mentions';
import { parseClauses } from './steps/parse';
import { detectModality, detectSource } from './steps/source';
import { detectSeen } from './steps/seen';
import { domainStatus } from './steps/domains';
import { extractSubstances } from './steps/substances';
import { detectCrying, detectFactors, detectInfoSought } from './steps/facts';
import { findGaps } from './steps/gaps';
import { applyCodeModels, applyDomainModel, shippedModel } from './model/model';
import { applyFactorModel, shippedFactorModel } from './model/factors';

/** A pipeline step: reads the context, returns the fields it adds or replaces. */
export interface Step { name: string; run: (ctx: Ctx) => Partial<Ctx> }

/** The steps in order: split → clauses → parse → people → attribute → source → modality → seen → domains → model → facts → model-factors → gaps → model-codes. */
export const PIPELINE: readonly Step[] = [
  { name: 'sentences', run: splitSentences },
  { name: 'clauses', run: splitClauses },
  { name: 'parse', run: parseClauses },
  { name: 'people', run: learnPeople },
  { name: 'mentions', run: attributeMentions },
  { name: 'source', run: detectSource },
  { name: 'modality', run: detectModality },
  { name: 'seen', run: detectSeen },
  { name: 'domains', run: domainStatus },
  // The learned layer (analysis/model): re-decides each domain the rules found sentences for, from their features.
  { name: 'model', run: (ctx) => applyDomainModel(ctx, shippedModel()) },
  { name: 'substances', run: extractSubstances },
  { name: 'crying', run: detectCrying },
  { name: 'factors', run: detectFactors },
  // The learned per-factor models (analysis/model/factors.ts): add a factor the word lists missed, with its sentences.
  { name: 'model-factors', run: (ctx) => applyFactorModel(ctx, shippedFactorModel()) },
  { name: 'info', run: detectInfoSought },
  { name: 'gaps', run: findGaps },
  // The learned layer's per-note code models (SUBSTANCE_LEVEL_UNKNOWN, INFO_NOT_SOUGHT): re-decide those gaps.
  { name: 'model-codes', run: (ctx) => applyCodeModels(ctx, shippedModel()) },
];
