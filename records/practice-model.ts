// The practice model's fixed vocabulary (../shared/practice-model.md): ids used in records, exports and the analyser.
import { z } from 'zod';

/** The eight domains, in the order the write-up walks them (tier 1, then tier 2). */
export const DOMAIN_IDS = [
  'life_history',
  'fatherhood_ideas',
  'frustration_coping',
  'substance_use',
  'parenting_knowledge',
  'mental_health',
  'relationship_safety',
  'pressures',
] as const;
/** A domain id, as fixed by the practice model. */
export const DomainId = z.enum(DOMAIN_IDS);
export type DomainId = z.infer<typeof DomainId>;

/** Which tier each domain belongs to, so dialogs and reports can group them. */
export const DOMAIN_TIER: Readonly<Record<DomainId, 1 | 2>> = {
  life_history: 1,
  fatherhood_ideas: 1,
  frustration_coping: 2,
  substance_use: 2,
  parenting_knowledge: 2,
  mental_health: 2,
  relationship_safety: 2,
  pressures: 2,
};

/** A domain's status in one write-up: his own account, someone else's, or nothing. */
export const DomainStatus = z.enum(['covered', 'secondhand', 'absent']);
export type DomainStatus = z.infer<typeof DomainStatus>;

/** Gap codes the analyser and the write-up surface; fixed by the practice model. */
export const GAP_CODES = [
  'DOMAIN_ABSENT',
  'OWN_ACCOUNT_MISSING',
  'FATHER_NOT_SEEN',
  'SUBSTANCE_LEVEL_UNKNOWN',
  'VAGUE_REASSURANCE',
  'CRYING_NOT_DISCUSSED',
  'INFO_NOT_SOUGHT',
  'FACTORS_COMBINE',
] as const;
/** A gap code. */
export const GapCode = z.enum(GAP_CODES);
export type GapCode = z.infer<typeof GapCode>;

/** The six factors that combine (a)–(f); FACTORS_COMBINE fires at three or more. */
export const FACTOR_IDS = [
  'childhood_adversity',
  'anger_frustration',
  'substance_misuse',
  'domestic_abuse',
  'external_pressures',
  'mental_ill_health',
] as const;
/** A combining factor's id. */
export const FactorId = z.enum(FACTOR_IDS);
export type FactorId = z.infer<typeof FactorId>;
/** How many recorded factors make FACTORS_COMBINE. */
export const FACTORS_COMBINE_THRESHOLD = 3;

/** Substance use levels; a level other than unknown needs frequency and amount (or spend). */
export const SubstanceLevel = z.enum(['none', 'use', 'misuse', 'dependence', 'unknown']);
export type SubstanceLevel = z.infer<typeof SubstanceLevel>;

/** The four crying messages to discuss with him. */
export const CRYING_MESSAGE_IDS = ['crying_normal', 'comforting_helps', 'ok_to_walk_away', 'never_shake'] as const;
/** A crying message id. */
export const CryingMessageId = z.enum(CRYING_MESSAGE_IDS);
export type CryingMessageId = z.infer<typeof CryingMessageId>;

/** Agencies from which information about him may be sought. */
export const AGENCY_IDS = ['gp', 'police', 'probation', 'substance_service', 'mental_health_service', 'other_local_authority', 'other'] as const;
/** An agency id. */
export const AgencyId = z.enum(AGENCY_IDS);
export type AgencyId = z.infer<typeof AgencyId>;

/** The men in a baby's life, by relationship to the baby. */
export const MAN_ROLES = ['birth_father', 'stepfather', 'mothers_partner', 'non_resident_father', 'other_male_carer'] as const;
/** A man's role. */
export const ManRole = z.enum(MAN_ROLES);
export type ManRole = z.infer<typeof ManRole>;
