// Patterns for facts (facts.txt): presence, phone contact, the six combining factors, the crying messages and agencies.
import { AGENCY_IDS, CRYING_MESSAGE_IDS, FACTOR_IDS, type AgencyId, type CryingMessageId, type FactorId } from '../../records/practice-model';
import { list, rx } from './load';

/** He was there in person. */
export const PRESENT = rx('facts', 'PRESENT');
/** He was spoken to by phone or video. */
export const PHONE = rx('facts', 'PHONE');
/** He was not seen or spoken to at this contact. */
export const NOT_PRESENT = rx('facts', 'NOT_PRESENT');

/** The six combining factors (a)–(f), as patterns over clauses about him; negated clauses are skipped. */
export const FACTOR_CUES = Object.fromEntries(FACTOR_IDS.map((id) => [id, rx('facts', `FACTOR_CUES.${id}`)])) as Record<FactorId, RegExp>;

/** The four crying messages; ICON names all four. */
export const CRYING_MESSAGES = Object.fromEntries(CRYING_MESSAGE_IDS.map((id) => [id, rx('facts', `CRYING_MESSAGES.${id}`)])) as Record<CryingMessageId,
  RegExp>;

/** Crying itself, or a baby who won't settle: a clause about this with him means crying was discussed. */
export const CRYING_TOPIC = rx('facts', 'CRYING_TOPIC');

/** Agencies, by id ("other" has no pattern of its own). */
export const AGENCIES: ReadonlyArray<readonly [AgencyId, RegExp]> = AGENCY_IDS.filter((id) => id !== 'other').map((id) => [id, rx('facts',
  `AGENCIES.${id}`)] as const);

/** Information sought, or consent given, from an agency about him. */
export const INFO_SOUGHT = rx('facts', 'INFO_SOUGHT');
/** A meeting's attendance list, up to its apologies. */
export const MEETING_ATTENDANCE = rx('facts', 'MEETING_ATTENDANCE');
/** Agencies that share what they know at a meeting, besides AGENCIES (job centre, housing). */
export const MEETING_AGENCY = rx('facts', 'MEETING_AGENCY');
/** Refusal of consent: consent was not given. */
export const CONSENT_REFUSED = rx('facts', 'CONSENT_REFUSED');
/** A question asking his consent to contact someone ("Would you be OK with me…", "Can I contact your GP?"). */
export const CONSENT_QUESTION = rx('facts', 'CONSENT_QUESTION');
/** An answer that says yes, his own or relayed ("Yeah, fine.", "He says yes, no problem."). */
export const CONSENT_YES = rx('facts', 'CONSENT_YES');
/** Violent acts whose object may be named: "assaulting Roxanne" (domestic abuse when she is the mother and he did it). */
export const VIOLENCE_TO = new RegExp(`\\b(?:${list('facts', 'VIOLENCE_TO').join('|')})\\s+(?:on\\s+)?$`, 'i');
