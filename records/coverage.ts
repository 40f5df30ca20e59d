// The coverage model: which fathers a team has seen and assessed, as zod-checked figures and a few pure helpers.
import { z } from 'zod';
import { IsoDate, type User } from './model';
import { allowed } from './access';
import { DomainId, DOMAIN_IDS, DomainStatus, FactorId, ManRole } from './practice-model';

/** Days without being seen after which a father is listed as "not seen recently". */
export const NOT_SEEN_DAYS = 30;
/** Domains with his own account that make a "detailed picture" of him (the partnership question). */
export const DETAILED_DOMAINS = 5;
/** Recorded factors at which they combine (practice model: three or more). */
export const COMBINE_AT = 3;
/** Longest list a report carries; totals still count every item. */
export const MAX_LIST = 200;

/** What a coverage report is asked for; `today` is injected so no report reads the real clock. */
export const CoverageQuery = z.object({
  today: IsoDate,
  /** Only contacts on or after this day count (the page's "period"); null counts every contact. */
  since: IsoDate.nullable().default(null),
  /** Only this practitioner's cases; null for the whole team. */
  practitionerId: z.string().min(1).max(100).nullable().default(null),
  /** How many items each list carries. */
  listLimit: z.number().int().min(0).max(MAX_LIST).default(50),
  /** Months of trend to include (0 for none): each measure by calendar month, ending with today's month. */
  trendMonths: z.union([z.literal(0), z.literal(6), z.literal(12)]).default(0),
  /** What the figures are for, so the audit trail can say it: shown on a page or in chat, downloaded as CSV, or a CLI report. */
  purpose: z.enum(['view', 'csv', 'report']).default('view'),
});
export type CoverageQuery = z.input<typeof CoverageQuery>;

/** A count out of a total; the share is derived, never stored. */
export const Fraction = z.object({ count: z.number().int().min(0), total: z.number().int().min(0) });
export type Fraction = z.infer<typeof Fraction>;

/** One father on a supervisor's list: which case, who, and why he is listed. */
export const CoverageItem = z.object({
  caseRef: z.string(),
  manId: z.string(),
  manName: z.string(),
  manRole: ManRole,
  practitionerId: z.string(),
  lastSeen: IsoDate.nullable(),
  daysSinceSeen: z.number().int().nullable(),
  neverExplored: z.array(DomainId),
  factorCount: z.number().int().min(0),
  discussedOn: IsoDate.nullable(),
});
export type CoverageItem = z.infer<typeof CoverageItem>;

/** A calendar month, yyyy-mm. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** The trend lengths the page, CSV and CLI offer. */
export const TREND_MONTHS = [6, 12] as const;

/** One month of a trend. Unit: men with a write-up of a contact in that month (on cases open or since closed). */
export const TrendPoint = z.object({
  month: Month,
  men: z.number().int().min(0),
  fatherSeen: Fraction,
  domains: z.record(DomainId, Fraction),
  crying: Fraction,
  infoSought: Fraction,
  detailed: Fraction,
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** The months from `n - 1` months before today's month to today's month, oldest first. */
export function trendMonths(today: string, n: number): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: n }, (_x, i) => {
    const d = new Date(Date.UTC(y, m - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** A list and how many belong on it (the list may be cut at the query's limit). */
export const CoverageList = z.object({ total: z.number().int().min(0), items: z.array(CoverageItem) });
export type CoverageList = z.infer<typeof CoverageList>;

/** The lists a supervisor acts on. */
export const LIST_IDS = ['neverSeen', 'notSeenRecently', 'domainsNeverExplored', 'factorsNotDiscussed'] as const;
export type ListId = (typeof LIST_IDS)[number];

/** An action agreed on an open case that is past its due date and not marked done, for its owner's list (issue 17.6). */
export const OverdueAction = z.object({
  ownerId: z.string(), caseRef: z.string(), manId: z.string(), manName: z.string(), text: z.string(), dueOn: IsoDate, daysOverdue: z.number().int().min(1),
});
export type OverdueAction = z.infer<typeof OverdueAction>;

/** A team's coverage: shares over open cases and the lists to act on. */
export const TeamCoverage = z.object({
  team: z.string(),
  today: IsoDate,
  since: IsoDate.nullable(),
  practitionerId: z.string().nullable(),
  openCases: z.number().int().min(0),
  men: z.number().int().min(0),
  /** Case shares (unit: open cases): a case counts when every man recorded on it meets the test (a case with no man does not). */
  fatherSeen: Fraction,
  domains: z.record(DomainId, Fraction),
  crying: Fraction,
  infoSought: Fraction,
  /** The same measures counted in men (unit: men on open cases), the partnership's unit, so both views agree on one team. */
  byMan: z.object({ fatherSeen: Fraction, domains: z.record(DomainId, Fraction), crying: Fraction, infoSought: Fraction, detailed: Fraction }),
  lists: z.object({ neverSeen: CoverageList, notSeenRecently: CoverageList, domainsNeverExplored: CoverageList, factorsNotDiscussed: CoverageList }),
  /** Overdue actions on the team's open cases, by owner then due date (cut at the list limit; `total` counts all). */
  overdueActions: z.object({ total: z.number().int().min(0), items: z.array(OverdueAction) }),
  /** Each measure by month (when asked for), every month present, oldest first; the period filter does not apply to it. */
  trend: z.array(TrendPoint),
});
export type TeamCoverage = z.infer<typeof TeamCoverage>;

/** One team's anonymised figures: counts only, no names, no case references. */
export const PartnershipTeam = z.object({
  team: z.string(),
  openCases: z.number().int().min(0),
  men: z.number().int().min(0),
  /** Open cases where every man was seen (the team view's unit). */
  casesSeen: z.number().int().min(0),
  menSeen: z.number().int().min(0),
  menDetailed: z.number().int().min(0),
});
export type PartnershipTeam = z.infer<typeof PartnershipTeam>;

/** The partnership view: the review's questions answered in figures, across teams. */
export const PartnershipCoverage = z.object({
  today: IsoDate,
  since: IsoDate.nullable(),
  teams: z.array(PartnershipTeam),
  /** How many men on open cases have never had each domain explored (no account of any kind), most first. */
  neverExplored: z.array(z.object({ domain: DomainId, count: z.number().int().min(0), total: z.number().int().min(0) })),
  /** Across the partnership, by month (when asked for); raw counts, published only through disclosure control. */
  trend: z.array(TrendPoint),
}).strict();
export type PartnershipCoverage = z.infer<typeof PartnershipCoverage>;

/** Per man on one case: the coverage model itself (identified, seen, each domain's latest status and date, factors). */
export const ManCoverage = z.object({
  manId: z.string(),
  identified: z.boolean(),
  contacts: z.number().int().min(0),
  everSeen: z.boolean(),
  seenAtLatest: z.boolean().nullable(),
  lastSeen: IsoDate.nullable(),
  daysSinceSeen: z.number().int().nullable(),
  domains: z.record(DomainId, z.object({ status: DomainStatus, date: IsoDate.nullable(), everOwnAccount: z.boolean() })),
  factors: z.array(FactorId),
  factorsCombine: z.boolean(),
  discussedOn: IsoDate.nullable(),
});
export type ManCoverage = z.infer<typeof ManCoverage>;

/** A supervisor's note that the factors combining for a man were discussed in supervision. */
export const Discussion = z.object({ caseRef: z.string().min(1).max(50), manId: z.string().min(1).max(100), discussedOn: IsoDate });
export type Discussion = z.infer<typeof Discussion>;

/** The measures a count on the page can open (issue 17.5): the shares' ids, as in the CSV. */
export const MEASURE_IDS = ['father_seen', ...DOMAIN_IDS.map((d) => `own_account_${d}` as const), 'crying_discussed', 'info_sought', 'detailed_picture'] as const;
export const MeasureId = z.enum(MEASURE_IDS);
export type MeasureId = z.infer<typeof MeasureId>;
/** Which count was opened: a measure, in cases (every man on the case meets it) or in men. */
export const MembersQuery = z.object({ measure: MeasureId, unit: z.enum(['cases', 'men']) }).refine((m) => !(m.measure === 'detailed_picture' && m.unit === 'cases'), { message: 'detailed_picture is counted in men only' });
export type MembersQuery = z.infer<typeof MembersQuery>;

/** What the coverage views read; adapters/sql/coverage.ts aggregates in SQL (either backend) so nothing loads every case. */
export interface CoverageReader {
  teamCoverage(team: string, query: CoverageQuery): Promise<TeamCoverage>;
  /** The men (with their cases) behind one count of the team report, under the same query. */
  members(team: string, query: CoverageQuery, which: MembersQuery): Promise<CoverageList>;
  partnershipCoverage(query: CoverageQuery): Promise<PartnershipCoverage>;
  caseCoverage(caseRef: string, today: string): Promise<ManCoverage[]>;
  /** Men on a case whose factors combine (for "discussed" without naming a man). */
  combiningMen(caseRef: string): Promise<string[]>;
  recordDiscussion(d: Discussion, recordedBy: string, createdAt: string): Promise<void>;
  teams(): Promise<string[]>;
}

/** A request the user's role does not allow, so every path answers with a refusal rather than an empty report. */
export class CoverageRefusedError extends Error {
  constructor(readonly reason: 'role' | 'team', options?: { cause?: unknown }) {
    super(`coverage refused (${reason})`, options);
    this.name = 'CoverageRefusedError';
  }
}

/** Whole-number percentage of a fraction; 0 of 0 is 0, so an empty team never shows NaN. */
export function percent(f: Fraction): number {
  return f.total === 0 ? 0 : Math.round((100 * f.count) / f.total);
}

/** Whole days from `from` to `to` (both yyyy-mm-dd), so "days since seen" never depends on time of day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day `days` before `day` (yyyy-mm-dd), for "not seen in the last 30 days". */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Decodes the projection's status code (0 absent, 1 second-hand, 2 his own account). */
export function statusOf(code: number): DomainStatus {
  return code >= 2 ? 'covered' : code === 1 ? 'secondhand' : 'absent';
}

/** The domain ids whose code is 0 in a row of per-domain maxima, in the practice model's order. */
export function neverExplored(maxima: readonly number[]): DomainId[] {
  return DOMAIN_IDS.filter((_d, i) => (maxima[i] ?? 0) === 0);
}

/** Which team a user may see team coverage for; throws CoverageRefusedError for anyone else. */
export function teamFor(user: User, requested: string | null): string {
  const team = requested ?? user.team;
  if (!allowed(user, 'coverage.team', { team: user.team })) throw new CoverageRefusedError('role');
  if (!allowed(user, 'coverage.team', { team })) throw new CoverageRefusedError('team');
  return team;
}

/** Throws unless the user may see the anonymised partnership figures. */
export function checkPartnership(user: User): void {
  if (!allowed(user, 'coverage.partnership')) throw new CoverageRefusedError('role');
}

/** Throws unless the user may record a supervision discussion on a case in this team. */
export function checkDiscussion(user: User, team: string): void {
  if (!allowed(user, 'supervision.record', { team: user.team })) throw new CoverageRefusedError('role');
  if (!allowed(user, 'supervision.record', { team })) throw new CoverageRefusedError('team');
}
