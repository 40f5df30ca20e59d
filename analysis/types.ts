// The analyser's result schema (zod) and the internal working types every pipeline step shares.
import { z } from 'zod';
import {
  AgencyId,
  CryingMessageId,
  DOMAIN_IDS,
  DomainId,
  DomainStatus,
  FactorId,
  GapCode,
  SubstanceLevel,
} from '../records/practice-model';

/** Roles of the other people a write-up knows: the baby's mother, the baby, other men, relatives, professionals. */
export const PERSON_ROLES = ['mother', 'baby', 'other_man', 'relative', 'professional', 'other'] as const;
export const PersonRole = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof PersonRole>;
/** Someone other than him, with the role the write-up already knows. */
export const KnownPerson = z.object({ name: z.string().trim().min(1).max(100), role: PersonRole });
export type KnownPerson = z.infer<typeof KnownPerson>;

/** Input to analyzeNote: the note, his first name, other people's names (roles guessed) and people with known roles. */
export const AnalyzeInput = z.object({
  text: z.string(),
  name: z.string().trim().min(1).max(100),
  otherNames: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  people: z.array(KnownPerson).max(50).optional(),
});
export type AnalyzeInput = z.infer<typeof AnalyzeInput>;

/** One domain's status and the sentences it rests on. */
export const DomainResult = z.object({ status: DomainStatus, evidence: z.array(z.string()) });
export type DomainResult = z.infer<typeof DomainResult>;

/** A gap: fixed code, its domain where it has one, the analyser's wording and the sentences behind it. */
export const Gap = z.object({
  code: GapCode,
  domain: DomainId.optional(),
  message: z.string(),
  evidence: z.array(z.string()).optional(),
});
export type Gap = z.infer<typeof Gap>;

/** Whether he was seen, spoken to (phone counts) or not seen at this contact. */
export const SeenFact = z.object({ status: z.enum(['seen', 'spoken_to', 'not_seen']), evidence: z.array(z.string()) });

/** One substance mentioned for him, with what the note records about it. */
export const SubstanceFact = z.object({
  substance: z.string(),
  frequency: z.string().nullable(),
  amount: z.string().nullable(),
  spend: z.string().nullable(),
  level: SubstanceLevel,
  suspected: z.boolean(),
  evidence: z.array(z.string()),
});
export type SubstanceFact = z.infer<typeof SubstanceFact>;

/** Facts extracted about him; each carries the sentences it rests on. */
export const Facts = z.object({
  present: z.array(z.string()),
  seen: SeenFact,
  substances: z.array(SubstanceFact),
  cryingMessages: z.array(z.object({ id: CryingMessageId, evidence: z.array(z.string()) })),
  cryingDiscussed: z.object({ discussed: z.boolean(), evidence: z.array(z.string()) }),
  factors: z.array(z.object({ id: FactorId, evidence: z.array(z.string()) })),
  infoSought: z.array(z.object({ agency: AgencyId, kind: z.enum(['contacted', 'consent']), evidence: z.array(z.string()) })),
});
export type Facts = z.infer<typeof Facts>;

/** The analyser's whole result: per-domain status, gaps and facts. */
export const AnalysisResult = z.object({
  domains: z.object(Object.fromEntries(DOMAIN_IDS.map((d) => [d, DomainResult])) as Record<DomainId, typeof DomainResult>),
  gaps: z.array(Gap),
  facts: Facts,
});
export type AnalysisResult = z.infer<typeof AnalysisResult>;

/** Who a mention or a clause is about. */
export type Who =
  | 'him' | 'mother' | 'baby' | 'his_family' | 'relative' | 'other_man' | 'professional' | 'other_adult' | 'couple' | 'female' | 'unknown';

/** Who a clause's information comes from. */
export type Source = 'him' | 'observed' | 'other' | 'none';

/** A person mentioned in a clause, with character offsets into the clause's text. */
export interface Mention { start: number; end: number; who: Who; pronoun: boolean }

/** One word of compromise's parse, with its offsets in the clause's text and compromise's tags. */
export interface Tok { start: number; end: number; text: string; normal: string; tags: ReadonlySet<string> }

/** A clause: the unit the analyser attributes, sources and classifies. */
export interface Clause {
  text: string;
  /** compromise's parse of the clause's words (tags: Verb, PastTense, Modal, Negative, Person, FemaleName, Quotation…). */
  tokens: Tok[];
  /** Lower-cased text, same offsets as text. */
  lower: string;
  sentence: number;
  mentions: Mention[];
  /** Who the clause is mainly about (first mention, or inherited from heading/discourse). */
  subject: Who;
  /** Whether him (or "they" including him) is mentioned anywhere in the clause. */
  mentionsHim: boolean;
  source: Source;
  plan: boolean;
  negated: boolean;
  vague: boolean;
  /** On a transcript line, who the writer is talking with (the last other speaker), else undefined. */
  talkWith?: Who;
  /** On a transcript line ("Demi: he smokes"), who speaks: him, someone else, or a professional; else undefined. */
  speaker?: Who | 'professional';
  /** The writer's own words: "I asked/reminded/advised…" with no answer in the clause. */
  writer?: boolean;
  /** Domains named by the line's heading ("Drugs: denies."). */
  headingDomains: DomainId[];
}

/** A sentence (or one bullet / heading line) as written, and its clauses. */
export interface Sentence {
  index: number;
  text: string;
  heading: string | null;
  /** Offset of the sentence's body (the text after any heading) in the note, or -1 if it could not be placed. */
  start: number;
}

/** What the analyser knows about the people in this note before reading sentences. */
export interface People {
  name: string;
  surname: string | null;
  /** Other people's names by role, learnt from otherNames and the text. */
  names: Map<string, Who>;
  /** Role words ("dad", "partner") bound to someone other than him in this note. */
  rolesNotHim: Set<string>;
  /** Other names the note gives him beside his own: "Robert (Rob)", "Wes (Wesley)", "Gaz/Gary". */
  aliases?: string[];
}

/**
 * A clause with a cue for a domain: its index in Ctx.clauses, whether it was his own account, whether it answered a question,
 * and whether the rules left it out (near: someone else's cue, a plan, a heading's).
 */
export interface DomainClause { clause: number; direct: boolean; answer: boolean; near: boolean }

/** The state passed along the pipeline; each step adds fields. */
export interface Ctx {
  input: { text: string; name: string; otherNames: string[]; people: KnownPerson[] };
  text: string;
  people: People;
  sentences: Sentence[];
  clauses: Clause[];
  domains: Record<DomainId, DomainResult>;
  facts: Facts;
  gaps: Gap[];
  /** The note is another agency's letter, summary or record: its "told me" was told to that agency, not the practitioner. */
  document?: boolean;
  /** Per domain, the clauses the rules counted and the near ones they left out (the learned layer's input; analysis/model). */
  domainClauses?: Record<DomainId, DomainClause[]>;
}
