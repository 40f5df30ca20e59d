// Sources, reported speech, negation, plans and vague reassurance (modality.txt), as alternatives over a lower-cased clause.
import { list, rx } from './load';

/** Reporting verbs: "X said/told me/described …" — the speaker is the clause's source. */
export const REPORT_VERBS = list('modality', 'REPORT_VERBS').join('|');
/** Phrases that put him, in conversation with the practitioner, as the source ("we talked about", "I asked him"). */
export const OWN_ACCOUNT = list('modality', 'OWN_ACCOUNT');
/** The practitioner's direct observation. */
export const OBSERVED = list('modality', 'OBSERVED');
/** Words that make something else the source: agencies and documents. */
export const OTHER_SOURCES = list('modality', 'OTHER_SOURCES');
/** A plan, or an explicit "not discussed": such clauses do not cover a domain. */
export const PLANS = list('modality', 'PLANS');
/** Negation and denial cues (the content is about him but says "not"). */
export const NEGATIONS = list('modality', 'NEGATIONS');
/** Reassurance without evidence: a sentence about him matching one of these is VAGUE_REASSURANCE. */
export const VAGUE = list('modality', 'VAGUE');
/** The specific-detail signal: a clause with one of these is not merely vague. */
export const SPECIFIC = rx('modality', 'SPECIFIC');
/** Another occasion than this contact ("when I saw him last week"): his account from then still counts as his own. */
export const ANOTHER_TIME = rx('modality', 'ANOTHER_TIME');
