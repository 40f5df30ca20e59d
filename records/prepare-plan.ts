// The prepare plan: what is known and missing about each man before a visit, built from the record alone (pure, SDK-free).
import { openActions } from './actions';
import { statementsOf, type Case, type Man, type SeenStatus, type Summary } from './model';
import type { CaseRecords } from './repository';
import type { CoverageReader } from './coverage';
import {
  CRYING_MESSAGE_IDS, DOMAIN_IDS, FACTORS_COMBINE_THRESHOLD,
  type CryingMessageId, type DomainId, type FactorId,
} from './practice-model';

/** Where a piece of knowledge came from: his own account (or direct observation), or someone else. */
export type KnownSource = 'own' | 'secondhand';
/** One thing already recorded on a domain, with the contact date it came from. */
export interface KnownEntry { date: string; source: KnownSource; account: string; by?: string | null }
/** A domain's state across all earlier summaries: his own account, only others' accounts, or never explored. */
export type DomainKnowledge = 'own' | 'secondhand_only' | 'never';

/** Why a question was chosen; each rule is documented at QUESTION_RULES. */
export type QuestionRule = 'first_meeting' | 'own_account_missing' | 'level_unknown' | 'never_explored' | 'revisit';
/** Which wording set a question comes from (prompts/prepare.ts PREPARE_QUESTIONS). */
export type QuestionKind = 'open' | 'ownAccount' | 'deepen';
/** A question picked for the visit: the domain, the wording set, which variant, and the rule that picked it. */
export interface PlannedQuestion { domain: DomainId; kind: QuestionKind; variant: number; rule: QuestionRule; substance?: string }

/** A practical reminder that is due for this man. */
export type Reminder =
  | { code: 'crying'; missing: CryingMessageId[] }
  | { code: 'gpConsent' }
  | { code: 'screen'; instrument: 'AUDIT-C' | 'CUDIT-R'; substance: string }
  | { code: 'supervision'; factors: FactorId[] }
  /** An action agreed at an earlier contact and not yet marked done (issue 17.6). */
  | { code: 'action'; text: string; agreedOn: string; dueOn: string | null };

/** Everything prepare shows about one man. */
export interface ManPlan {
  man: Man;
  contacts: number;
  lastContact: { date: string; seenStatus: SeenStatus } | null;
  /** The last contact at which he was seen or spoken to, or null if never. */
  lastSeen: string | null;
  /** True when he was not seen at his last contact or has never been seen: offer a visit he can attend, contact him directly. */
  offerVisit: boolean;
  domains: Record<DomainId, { knowledge: DomainKnowledge; known: KnownEntry[] }>;
  questions: PlannedQuestion[];
  reminders: Reminder[];
}

/** The plan for one case. */
export interface PreparePlan { case: Case; men: ManPlan[] }

/** How many variants each wording set has, so the plan can rotate wording without importing prompts. */
export type VariantCounts = (domain: DomainId, kind: QuestionKind) => number;

/** What the plan is built from; `discussedOn` gives, per man id, the last supervision discussion date (if any). */
export interface PlanInput { case: Case; men: readonly Man[]; summaries: readonly Summary[]; discussedOn: Readonly<Record<string, string | null>>; variants: VariantCounts }

/**
 * Domain priority for questions, from the practice model: the trigger is usually ordinary crying meeting low frustration
 * tolerance, and harm comes from factors combining (substances, domestic abuse, mental ill-health), so those come first;
 * his story and ideas of fatherhood follow (the first-meeting rule opens with fatherhood separately).
 */
export const DOMAIN_PRIORITY: readonly DomainId[] = [
  'frustration_coping', 'parenting_knowledge', 'substance_use', 'relationship_safety', 'mental_health', 'life_history', 'pressures', 'fatherhood_ideas',
];

/**
 * The question rules, strongest first. Each picks at most one question per domain; the plan keeps the first three.
 * 1 first_meeting: he has never been seen or spoken to, so open with what being a father means to him (unless already known).
 * 2 own_account_missing: a domain known only second-hand gets a question asking for his own account.
 * 3 level_unknown: a substance he uses has no established level, so ask about a typical week.
 * 4 never_explored: a domain never explored gets an open question, in DOMAIN_PRIORITY order.
 * 5 revisit: when fewer than two questions remain, revisit domains in priority order (things change as the baby grows).
 * Wording rotates: variant = earlier contacts with him, modulo the number of variants, so a repeat visit reads fresh.
 */
export const QUESTION_RULES: readonly QuestionRule[] = ['first_meeting', 'own_account_missing', 'level_unknown', 'never_explored', 'revisit'];
/** At most this many questions: a few real conversations, not a checklist. */
export const MAX_QUESTIONS = 3;
/** At least this many questions. */
export const MIN_QUESTIONS = 2;

const SCREENED: Readonly<Record<string, 'AUDIT-C' | 'CUDIT-R'>> = { alcohol: 'AUDIT-C', cannabis: 'CUDIT-R' };

/** Builds the plan for a case: one ManPlan per man, in the order the record lists them. */
export function buildPreparePlan(input: PlanInput): PreparePlan {
  return { case: input.case, men: input.men.map((man) => planForMan(man, input)) };
}

// One man's plan from his summaries (oldest contact first).
function planForMan(man: Man, input: PlanInput): ManPlan {
  const his = input.summaries.filter((s) => s.manId === man.id).sort((a, b) => a.contact.date.localeCompare(b.contact.date));
  const last = his.at(-1);
  const seen = his.filter((s) => s.contact.seenStatus !== 'not_seen');
  const lastSeen = seen.at(-1)?.contact.date ?? null;
  const domains = Object.fromEntries(DOMAIN_IDS.map((d) => [d, domainState(his, d)])) as ManPlan['domains'];
  return {
    man,
    contacts: his.length,
    lastContact: last ? { date: last.contact.date, seenStatus: last.contact.seenStatus } : null,
    lastSeen,
    offerVisit: lastSeen === null || last?.contact.seenStatus === 'not_seen',
    domains,
    questions: chooseQuestions(his, domains, lastSeen === null, input.variants),
    reminders: remindersFor(his, input.discussedOn[man.id] ?? null),
  };
}

// What every summary recorded on one domain, and what that adds up to.
function domainState(his: readonly Summary[], d: DomainId): { knowledge: DomainKnowledge; known: KnownEntry[] } {
  // One entry per statement, each with its own source (issue 15.6); a version with no statement text keeps one entry for its status.
  const known: KnownEntry[] = his
    .filter((s) => s.domains[d].status !== 'absent')
    .flatMap((s) => {
      const said = statementsOf(s.domains[d]);
      if (!said.length) return [{ date: s.contact.date, source: s.domains[d].status === 'covered' ? 'own' : 'secondhand', account: s.domains[d].account }];
      return said.map((st) => ({ date: s.contact.date, source: st.source === 'him' ? 'own' : 'secondhand', account: st.text, by: st.by }) satisfies KnownEntry);
    });
  const knowledge: DomainKnowledge = known.some((k) => k.source === 'own') ? 'own' : known.length ? 'secondhand_only' : 'never';
  return { knowledge, known };
}

// Applies QUESTION_RULES in order, one question per domain, MIN..MAX questions.
function chooseQuestions(his: readonly Summary[], domains: ManPlan['domains'], neverSeen: boolean, variants: VariantCounts): PlannedQuestion[] {
  const picked: PlannedQuestion[] = [];
  const add = (domain: DomainId, kind: QuestionKind, rule: QuestionRule, substance?: string) => {
    if (picked.length >= MAX_QUESTIONS || picked.some((q) => q.domain === domain)) return;
    const n = Math.max(1, variants(domain, kind));
    picked.push({ domain, kind, variant: his.length % n, rule, ...(substance ? { substance } : {}) });
  };
  if (neverSeen && domains.fatherhood_ideas.knowledge !== 'own') add('fatherhood_ideas', 'open', 'first_meeting');
  for (const d of DOMAIN_PRIORITY) if (domains[d].knowledge === 'secondhand_only') add(d, 'ownAccount', 'own_account_missing');
  const unknownLevel = latestSubstances(his).find((s) => s.level === 'unknown');
  if (unknownLevel) add('substance_use', 'deepen', 'level_unknown', unknownLevel.substance);
  for (const d of DOMAIN_PRIORITY) if (domains[d].knowledge === 'never') add(d, 'open', 'never_explored');
  for (const d of DOMAIN_PRIORITY) if (picked.length < MIN_QUESTIONS) add(d, 'open', 'revisit');
  return picked;
}

// The latest recorded entry for each substance (a later contact supersedes an earlier one).
function latestSubstances(his: readonly Summary[]): Summary['substances'] {
  const bySubstance = new Map<string, Summary['substances'][number]>();
  for (const s of his) for (const e of s.substances) bySubstance.set(e.substance.toLowerCase(), e);
  return [...bySubstance.values()];
}

// The practical reminders still due, from everything recorded about him.
function remindersFor(his: readonly Summary[], discussedOn: string | null): Reminder[] {
  const reminders: Reminder[] = [];
  const discussed = new Set(his.flatMap((s) => s.cryingMessages));
  const missing = CRYING_MESSAGE_IDS.filter((m) => !discussed.has(m));
  if (missing.length) reminders.push({ code: 'crying', missing });
  const gpAsked = his.some((s) => s.infoSought.consentGiven !== null || s.infoSought.agencies.includes('gp'));
  if (!gpAsked) reminders.push({ code: 'gpConsent' });
  for (const e of latestSubstances(his)) {
    const instrument = SCREENED[e.substance.toLowerCase()];
    const screened = his.some((s) => s.substances.some((x) => x.screen?.instrument === instrument));
    if (instrument && e.level !== 'none' && !screened) reminders.push({ code: 'screen', instrument, substance: e.substance.toLowerCase() });
  }
  const factors = [...new Set(his.flatMap((s) => s.factors))];
  const since = his.filter((s) => s.factors.length > 0).at(-1)?.contact.date;
  if (factors.length >= FACTORS_COMBINE_THRESHOLD && (discussedOn === null || (since !== undefined && discussedOn < since))) {
    reminders.push({ code: 'supervision', factors });
  }
  for (const a of openActions(his, his[0]?.manId ?? '')) reminders.push({ code: 'action', text: a.text, agreedOn: a.agreedOn, dueOn: a.dueOn });
  return reminders;
}

/** Reads when a man's combining factors were last discussed in supervision; Seen works the same when none is recorded. */
export interface SupervisionLog {
  /** The yyyy-mm-dd date of the latest supervision discussion of this man on this case, or null. */
  lastDiscussed(caseRef: string, manId: string): Promise<string | null>;
}

/** The log to use before supervision discussions are recorded anywhere: nothing has been discussed. */
export const NO_SUPERVISION_LOG: SupervisionLog = { lastDiscussed: async () => null };

/** Reads a case's men, summaries and supervision dates, and builds its plan. */
export async function loadPreparePlan(
  deps: { records: Pick<CaseRecords, 'listMen' | 'latestSummaries'>; supervision: SupervisionLog },
  c: Case,
  variants: VariantCounts,
): Promise<PreparePlan> {
  const [men, summaries] = await Promise.all([deps.records.listMen(c.ref), deps.records.latestSummaries(c.ref)]);
  const dates = await Promise.all(men.map(async (m) => [m.id, await deps.supervision.lastDiscussed(c.ref, m.id)] as const));
  return buildPreparePlan({ case: c, men, summaries, discussedOn: Object.fromEntries(dates), variants });
}

/** Supervision dates as the coverage reader records them (`discussed <case>`), for prepare's reminder. */
export function supervisionFromCoverage(coverage: Pick<CoverageReader, 'caseCoverage'>, today: () => Date): SupervisionLog {
  return {
    lastDiscussed: async (caseRef, manId) =>
      (await coverage.caseCoverage(caseRef, today().toISOString().slice(0, 10))).find((m) => m.manId === manId)?.discussedOn ?? null,
  };
}
