// Disclosure control for partnership figures: counts of 1–4 (and any percentage built from them) are never published.
import { z } from 'zod';
import { DOMAIN_IDS, DomainId } from './practice-model';
import { IsoDate } from './model';
import { Month, type Fraction, type PartnershipCoverage, type PartnershipTeam, type TrendPoint } from './coverage';

/** The smallest count published; 1 to SMALLEST - 1 are suppressed (the usual rule for social-care and health statistics). */
export const SMALLEST = 5;

/** A published figure: null where it is suppressed. */
const Figure = z.number().int().min(0).nullable();
/** A published share: count, total and percentage, each null where publishing it could reveal a count of 1–4. */
export const PublishedShare = z.object({ count: Figure, total: Figure, percent: Figure });
export type PublishedShare = z.infer<typeof PublishedShare>;

/** One team's row (or the "all" row) as published. Units: openCases and casesSeen count cases; the rest count men. */
export const PublishedTeam = z.object({
  team: z.string(), openCases: Figure, men: Figure, casesSeen: PublishedShare, menSeen: PublishedShare, menDetailed: PublishedShare,
});
export type PublishedTeam = z.infer<typeof PublishedTeam>;

/** One month of the partnership trend as published (unit: men with a write-up that month). */
export const PublishedTrendPoint = z.object({
  month: Month, men: Figure, fatherSeen: PublishedShare, domains: z.record(DomainId, PublishedShare), crying: PublishedShare, infoSought: PublishedShare, detailed: PublishedShare,
});
export type PublishedTrendPoint = z.infer<typeof PublishedTrendPoint>;

/** The partnership figures as they may leave Seen: page, CSV and JSON all carry this and nothing rawer. */
export const PublishedPartnership = z.object({
  today: IsoDate,
  since: IsoDate.nullable(),
  /** Counts below this are suppressed. */
  smallest: z.literal(SMALLEST),
  teams: z.array(PublishedTeam),
  all: PublishedTeam,
  neverExplored: z.array(z.object({ domain: DomainId, share: PublishedShare })),
  trend: z.array(PublishedTrendPoint),
}).strict();
export type PublishedPartnership = z.infer<typeof PublishedPartnership>;

/** True for a count that must not be published on its own: 1 to 4. */
export const small = (n: number): boolean => n > 0 && n < SMALLEST;

/** A share is suppressed when its count, its total or the count it implies (total − count) is 1–4. */
export function shareHidden(f: Fraction): boolean {
  return small(f.count) || small(f.total) || small(f.total - f.count);
}

/** A share as published; `hidden` forces suppression (a row or column rule), `totalHidden` hides its denominator. */
export function publishShare(f: Fraction, hidden = false, totalHidden = false): PublishedShare {
  if (hidden || shareHidden(f)) return { count: null, total: totalHidden || small(f.total) ? null : f.total, percent: null };
  if (totalHidden) return { count: f.count, total: null, percent: null };
  return { count: f.count, total: f.total, percent: f.total === 0 ? 0 : Math.round((100 * f.count) / f.total) };
}

/**
 * Secondary suppression for one column whose total is published: if exactly one cell is hidden, the total would give
 * it away by subtraction, so the smallest other non-zero cell is hidden too. Returns the hidden flags.
 */
export function protectColumn(values: readonly number[], hidden: readonly boolean[], totalShown: boolean): boolean[] {
  const out = [...hidden];
  if (!totalShown || out.filter(Boolean).length !== 1) return out;
  let pick = -1;
  values.forEach((v, i) => {
    if (!out[i] && v > 0 && (pick < 0 || v < values[pick]!)) pick = i;
  });
  // With no other non-zero cell the hidden one is the total itself, so the total is the one to hide (the caller does).
  if (pick >= 0) out[pick] = true;
  return out;
}

type Measure = 'casesSeen' | 'menSeen' | 'menDetailed';

/** Applies disclosure control to raw partnership figures: primary (1–4) and secondary (totals) suppression. */
export function publishPartnership(raw: PartnershipCoverage): PublishedPartnership {
  const teams = raw.teams;
  const sum = (k: keyof Omit<PartnershipTeam, 'team'>) => teams.reduce((s, t) => s + t[k], 0);
  const all: PartnershipTeam = { team: 'all', openCases: sum('openCases'), men: sum('men'), casesSeen: sum('casesSeen'), menSeen: sum('menSeen'), menDetailed: sum('menDetailed') };
  // Denominators first: a row with 1–4 men publishes no figure at all.
  const menHidden = protectColumn(teams.map((t) => t.men), teams.map((t) => small(t.men)), !small(all.men));
  const casesHidden = protectColumn(teams.map((t) => t.openCases), teams.map((t) => small(t.openCases)), !small(all.openCases));
  const allMenHidden = small(all.men) || (menHidden.filter(Boolean).length === 1);
  const allCasesHidden = small(all.openCases) || (casesHidden.filter(Boolean).length === 1);
  const fraction = (t: PartnershipTeam, m: Measure): Fraction => ({ count: t[m], total: m === 'casesSeen' ? t.openCases : t.men });
  const denomHidden = (m: Measure, i: number) => (m === 'casesSeen' ? casesHidden[i]! : menHidden[i]!);
  const columns = {} as Record<Measure, boolean[]>;
  for (const m of ['casesSeen', 'menSeen', 'menDetailed'] as const) {
    const primary = teams.map((t, i) => denomHidden(m, i) || small(t.men) || shareHidden(fraction(t, m)));
    columns[m] = protectColumn(teams.map((t) => t[m]), primary, !shareHidden(fraction(all, m)));
  }
  const row = (t: PartnershipTeam, i: number): PublishedTeam => {
    const rowHidden = small(t.men);
    return {
      team: t.team,
      openCases: rowHidden || casesHidden[i] ? null : t.openCases,
      men: menHidden[i] ? null : t.men,
      casesSeen: publishShare(fraction(t, 'casesSeen'), rowHidden || columns.casesSeen[i], casesHidden[i]),
      menSeen: publishShare(fraction(t, 'menSeen'), columns.menSeen[i], menHidden[i]),
      menDetailed: publishShare(fraction(t, 'menDetailed'), columns.menDetailed[i], menHidden[i]),
    };
  };
  // A column left with one hidden cell (no other to hide with it) would give it away through its total, so the total goes.
  const allHidden = (m: Measure) => columns[m].filter(Boolean).length === 1;
  return PublishedPartnership.parse({
    today: raw.today, since: raw.since, smallest: SMALLEST,
    teams: teams.map(row),
    all: {
      team: 'all', openCases: allCasesHidden ? null : all.openCases, men: allMenHidden ? null : all.men,
      casesSeen: publishShare(fraction(all, 'casesSeen'), allHidden('casesSeen'), allCasesHidden),
      menSeen: publishShare(fraction(all, 'menSeen'), allHidden('menSeen'), allMenHidden),
      menDetailed: publishShare(fraction(all, 'menDetailed'), allHidden('menDetailed'), allMenHidden),
    },
    neverExplored: raw.neverExplored.map((d) => ({ domain: d.domain, share: publishShare(d, false, allMenHidden) })),
    trend: raw.trend.map(publishTrendPoint),
  });
}

/** One month of the trend: its men figure and every share suppressed by the same rule (no totals across months are shown). */
export function publishTrendPoint(p: TrendPoint): PublishedTrendPoint {
  const hidden = small(p.men);
  const share = (f: Fraction) => publishShare(f, hidden, hidden);
  return {
    month: p.month, men: hidden ? null : p.men, fatherSeen: share(p.fatherSeen),
    domains: Object.fromEntries(DOMAIN_IDS.map((d) => [d, share(p.domains[d]!)])) as PublishedTrendPoint['domains'], crying: share(p.crying), infoSought: share(p.infoSought), detailed: share(p.detailed),
  };
}
