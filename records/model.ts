// The case-record model: zod schemas for everything Seen stores, so every read and write is validated.
import { z } from 'zod';
import { codePointLength } from './text';
import {
  AgencyId,
  CryingMessageId,
  DOMAIN_IDS,
  DomainId,
  DomainStatus,
  FactorId,
  GapCode,
  ManRole,
  SubstanceLevel,
} from './practice-model';

/** Longest free-text field we store; longer answers are refused at the boundary, not truncated. */
export const MAX_TEXT = 20_000;
/** A string of at most `max` code points (what a person counts), so a limit never depends on how many emoji it holds. */
export const UpTo = (max: number) => z.string().refine((s) => codePointLength(s) <= max, { message: `Too big: expected at most ${max} characters` });
/** A bounded free-text field. */
export const Text = UpTo(MAX_TEXT);
/** An ISO calendar date (yyyy-mm-dd). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd');

/** What a user may do; enforced in the records layer by later work. */
export const UserRole = z.enum(['practitioner', 'supervisor', 'partnership_lead', 'admin']);
export type UserRole = z.infer<typeof UserRole>;

/** A Seen user (practitioner, supervisor, …). */
export const User = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  role: UserRole,
  team: z.string().min(1).max(100),
  aadObjectId: z.string().max(100).nullable().default(null),
  /** A disabled user keeps their rows but is refused on every path (sign-in, Teams, chat, coverage, CLI --as). */
  disabled: z.boolean().default(false),
});
export type User = z.infer<typeof User>;

/** A case: the baby under one, allocated to a practitioner in a team. */
export const Case = z.object({
  ref: z.string().min(1).max(50),
  babyName: z.string().min(1).max(200),
  babyDob: IsoDate,
  team: z.string().min(1).max(100),
  practitionerId: z.string().min(1).max(100),
  open: z.boolean(),
  fictional: z.boolean(),
});
export type Case = z.infer<typeof Case>;

/** A man in the baby's life; a case may have several. */
export const Man = z.object({
  id: z.string().min(1).max(100),
  caseRef: z.string().min(1).max(50),
  name: UpTo(200).pipe(z.string().min(1)),
  role: ManRole,
  identified: z.boolean(),
  resident: z.boolean(),
});
export type Man = z.infer<typeof Man>;

/** Whether he was seen in person, spoken to (phone counts), or not at all at this contact. */
export const SeenStatus = z.enum(['seen', 'spoken_to', 'not_seen']);
export type SeenStatus = z.infer<typeof SeenStatus>;

/** The contact a summary is about. */
export const ContactDetails = z.object({
  date: IsoDate,
  location: Text.min(1),
  present: Text.min(1),
  seenStatus: SeenStatus,
  notSeenReason: Text.nullable().default(null),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

/** Who a statement comes from: him, or someone else (second-hand). */
export const StatementSource = z.enum(['him', 'secondhand']);
export type StatementSource = z.infer<typeof StatementSource>;

/** One thing recorded about him, with its own source, so "Mum said he punched a door" is never filed as his account. */
export const Statement = z.object({
  text: Text.pipe(z.string().min(1)),
  source: StatementSource,
  /** Who said it when second-hand ("Shannon (mother)", "probation"); null when he said it or the teller is unknown. */
  by: UpTo(200).nullable().default(null),
});
export type Statement = z.infer<typeof Statement>;

/** One domain in a write-up: status, his account, strengths and concerns kept together. */
export const DomainEntry = z.object({
  status: DomainStatus,
  account: Text.default(''),
  strengths: Text.default(''),
  concerns: Text.default(''),
  /** Set when the practitioner chose "not explored this visit". */
  notExploredReason: Text.nullable().default(null),
  /** The sentence(s) an analysis relied on, when the notes path was used. */
  evidence: z.array(Text).default([]),
  /** Each statement with its own source; status is 'covered' only when one of them is his. Empty in versions saved before statements existed. */
  statements: z.array(Statement).default([]),
});
export type DomainEntry = z.infer<typeof DomainEntry>;

/** A published screen's result: score and band, never just a label. */
export const ScreenResult = z.object({
  instrument: z.enum(['AUDIT-C', 'CUDIT-R']),
  answers: z.array(z.number().int().min(0).max(4)),
  score: z.number().int().min(0),
  band: z.string().min(1).max(100),
});
export type ScreenResult = z.infer<typeof ScreenResult>;

/** One substance he uses: frequency, amount and spend establish the level. */
export const SubstanceEntry = z.object({
  substance: z.string().min(1).max(100),
  frequency: Text.default(''),
  amount: Text.default(''),
  spend: Text.default(''),
  level: SubstanceLevel,
  screen: ScreenResult.nullable().default(null),
});
export type SubstanceEntry = z.infer<typeof SubstanceEntry>;

/** Whether information about him was sought from other agencies or his consent given. */
export const InfoSought = z.object({
  agencies: z.array(AgencyId).default([]),
  consentGiven: z.boolean().nullable().default(null),
  note: Text.default(''),
});
export type InfoSought = z.infer<typeof InfoSought>;

/** The practitioner's own feelings about seeing him. */
export const Reflection = z.object({
  anxious: z.boolean().nullable().default(null),
  jointVisitSuggested: z.boolean().default(false),
  note: Text.default(''),
});
export type Reflection = z.infer<typeof Reflection>;

/** A gap found in the write-up and how the practitioner answered it. */
export const GapRecord = z.object({
  code: GapCode,
  domain: DomainId.nullable().default(null),
  message: Text,
  answer: Text.nullable().default(null),
});
export type GapRecord = z.infer<typeof GapRecord>;

/** A domain map holding one entry per domain id. */
export const Domains = z.object(
  Object.fromEntries(DOMAIN_IDS.map((d) => [d, DomainEntry])) as Record<DomainId, typeof DomainEntry>,
);
export type Domains = z.infer<typeof Domains>;

/** The structured write-up of one contact about one man, before it is stored. */
export const SummaryDraft = z.object({
  caseRef: z.string().min(1).max(50),
  manId: z.string().min(1).max(100),
  source: z.enum(['guided', 'notes']),
  contact: ContactDetails,
  domains: Domains,
  substances: z.array(SubstanceEntry).default([]),
  cryingMessages: z.array(CryingMessageId).default([]),
  infoSought: InfoSought,
  reflection: Reflection,
  factors: z.array(FactorId).default([]),
  gaps: z.array(GapRecord).default([]),
  actions: z.array(Text.min(1)).default([]),
  /** The actions agreed with an owner (the practitioner by default) and an optional due date (issue 17.6). */
  actionItems: z.array(z.object({ id: z.string().min(1).max(100), text: Text.min(1), ownerId: z.string().min(1).max(100), dueOn: IsoDate.nullable() })).optional(),
  /** Ids of earlier actions on this man that this contact marks done. */
  actionsDone: z.array(z.string().min(1).max(100)).optional(),
});
export type SummaryDraft = z.infer<typeof SummaryDraft>;

/** A stored summary version: the draft plus identity, version and authorship. */
export const Summary = SummaryDraft.extend({
  summaryId: z.string().min(1).max(100),
  version: z.number().int().min(1),
  /** The version this one corrects; null for a first version. */
  corrects: z.number().int().min(1).nullable(),
  author: z.string().min(1).max(100),
  createdAt: z.string().datetime(),
});
export type Summary = z.infer<typeof Summary>;

/** An empty domain entry (absent, nothing recorded) for starting a draft. */
export function emptyDomains(): Domains {
  return Object.fromEntries(DOMAIN_IDS.map((d) => [d, DomainEntry.parse({ status: 'absent' })])) as Domains;
}

/** A domain's statements; an entry saved before statements existed yields its account under the entry's own status. */
export function statementsOf(entry: DomainEntry): Statement[] {
  if (entry.statements.length || !entry.account.trim()) return entry.statements;
  return [{ text: entry.account, source: entry.status === 'covered' ? 'him' : 'secondhand', by: null }];
}

/** The status a set of statements supports: his own account makes it covered, only others' makes it second-hand. */
export function statusFromStatements(statements: readonly Statement[]): 'covered' | 'secondhand' | 'absent' {
  if (statements.some((s) => s.source === 'him')) return 'covered';
  return statements.length ? 'secondhand' : 'absent';
}
