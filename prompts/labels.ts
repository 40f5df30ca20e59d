// Which wording names each fixed id (roles, agencies, statuses, factors, gaps), so ids never reach the screen raw.
import type { AgencyId, CryingMessageId, DomainStatus, FactorId, GapCode, ManRole, SubstanceLevel } from '../records/practice-model';
import type { SeenStatus, UserRole } from '../records/model';
import type { PromptKey } from './index';

/** A man's role, as the practitioner reads it. */
export const ROLE_LABEL: Readonly<Record<ManRole, PromptKey>> = {
  birth_father: 'writeup.roleBirthFather',
  stepfather: 'writeup.roleStepfather',
  mothers_partner: 'writeup.roleMothersPartner',
  non_resident_father: 'writeup.roleNonResidentFather',
  other_male_carer: 'writeup.roleOtherMaleCarer',
};

/** A Seen user's role, as the sign-in picker shows it (never the raw id `partnership_lead`). */
export const USER_ROLE_LABEL: Readonly<Record<UserRole, PromptKey>> = {
  practitioner: 'common.userRolePractitioner',
  supervisor: 'common.userRoleSupervisor',
  partnership_lead: 'common.userRolePartnershipLead',
  admin: 'common.userRoleAdmin',
};

/** An agency's name. */
export const AGENCY_LABEL: Readonly<Record<AgencyId, PromptKey>> = {
  gp: 'writeup.agencyGp',
  police: 'writeup.agencyPolice',
  probation: 'writeup.agencyProbation',
  substance_service: 'writeup.agencySubstance',
  mental_health_service: 'writeup.agencyMentalHealth',
  other_local_authority: 'writeup.agencyOtherLa',
  other: 'writeup.agencyOther',
};

/** A domain status in words. */
export const STATUS_LABEL: Readonly<Record<DomainStatus, PromptKey>> = {
  covered: 'summary.status_covered',
  secondhand: 'summary.status_secondhand',
  absent: 'summary.status_absent',
};

/** Whether he was seen, in words. */
export const SEEN_LABEL: Readonly<Record<SeenStatus, PromptKey>> = {
  seen: 'summary.seen_seen',
  spoken_to: 'summary.seen_spoken_to',
  not_seen: 'summary.seen_not_seen',
};

/** A combining factor in words. */
export const FACTOR_LABEL: Readonly<Record<FactorId, PromptKey>> = {
  childhood_adversity: 'summary.factor_childhood_adversity',
  anger_frustration: 'summary.factor_anger_frustration',
  substance_misuse: 'summary.factor_substance_misuse',
  domestic_abuse: 'summary.factor_domestic_abuse',
  external_pressures: 'summary.factor_external_pressures',
  mental_ill_health: 'summary.factor_mental_ill_health',
};

/** A gap's message; `{domain}` is filled with the domain's title. */
export const GAP_LABEL: Readonly<Record<GapCode, PromptKey>> = {
  DOMAIN_ABSENT: 'summary.gap_DOMAIN_ABSENT',
  OWN_ACCOUNT_MISSING: 'summary.gap_OWN_ACCOUNT_MISSING',
  FATHER_NOT_SEEN: 'summary.gap_FATHER_NOT_SEEN',
  SUBSTANCE_LEVEL_UNKNOWN: 'summary.gap_SUBSTANCE_LEVEL_UNKNOWN',
  VAGUE_REASSURANCE: 'summary.gap_VAGUE_REASSURANCE',
  CRYING_NOT_DISCUSSED: 'summary.gap_CRYING_NOT_DISCUSSED',
  INFO_NOT_SOUGHT: 'summary.gap_INFO_NOT_SOUGHT',
  FACTORS_COMBINE: 'summary.gap_FACTORS_COMBINE',
};

/** A substance level in words. */
export const LEVEL_LABEL: Readonly<Record<SubstanceLevel, PromptKey>> = {
  none: 'summary.level_none',
  use: 'summary.level_use',
  misuse: 'summary.level_misuse',
  dependence: 'summary.level_dependence',
  unknown: 'summary.level_unknown',
};

/** One of the four crying messages in words. */
export const CRYING_LABEL: Readonly<Record<CryingMessageId, PromptKey>> = {
  crying_normal: 'summary.crying_crying_normal',
  comforting_helps: 'summary.crying_comforting_helps',
  ok_to_walk_away: 'summary.crying_ok_to_walk_away',
  never_shake: 'summary.crying_never_shake',
};
