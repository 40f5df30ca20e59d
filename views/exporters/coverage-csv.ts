// Coverage as CSV (RFC 4180): one long table per report, safe to open in a spreadsheet.
import { DOMAIN_IDS } from '../../records/practice-model';
import { LIST_IDS, percent, type Fraction, type TeamCoverage, type TrendPoint } from '../../records/coverage';
import type { PublishedPartnership, PublishedShare, PublishedTeam, PublishedTrendPoint } from '../../records/coverage-publish';
import type { DomainId } from '../../records/practice-model';

/** The trend's measures in CSV order, by id (the same ids as the shares). */
export function trendMeasures<S>(p: { fatherSeen: S; domains: Record<DomainId, S>; crying: S; infoSought: S; detailed: S }): Array<[string, S]> {
  return [['father_seen', p.fatherSeen], ...DOMAIN_IDS.map((d): [string, S] => [`own_account_${d}`, p.domains[d]]), ['crying_discussed', p.crying], ['info_sought', p.infoSought], ['detailed_picture', p.detailed]];
}

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Rows to CSV text, CRLF line ends as RFC 4180 says.
function csv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Column headings of the team CSV; `unit` says what every count counts: open cases, or men on open cases. */
export const TEAM_CSV_HEADER = ['section', 'measure', 'unit', 'count', 'total', 'percent', 'case_ref', 'man', 'practitioner', 'last_seen', 'days_since_seen', 'detail', 'month'] as const;

/** The team report: every share in cases then in men (section "share"), then every list item (section = list id); ids, not wording, name the measures. */
export function teamCsv(c: TeamCoverage, practitioner: (id: string) => string): string {
  const share = (measure: string, unit: 'cases' | 'men', f: Fraction) => ['share', measure, unit, f.count, f.total, percent(f), null, null, null, null, null, null, null];
  const rows: Array<Array<string | number | null>> = [
    [...TEAM_CSV_HEADER],
    share('father_seen', 'cases', c.fatherSeen),
    ...DOMAIN_IDS.map((d) => share(`own_account_${d}`, 'cases', c.domains[d]!)),
    share('crying_discussed', 'cases', c.crying),
    share('info_sought', 'cases', c.infoSought),
    share('father_seen', 'men', c.byMan.fatherSeen),
    ...DOMAIN_IDS.map((d) => share(`own_account_${d}`, 'men', c.byMan.domains[d]!)),
    share('crying_discussed', 'men', c.byMan.crying),
    share('info_sought', 'men', c.byMan.infoSought),
    share('detailed_picture', 'men', c.byMan.detailed),
  ];
  for (const list of LIST_IDS) {
    for (const i of c.lists[list].items) {
      const detail = list === 'domainsNeverExplored' ? i.neverExplored.join(' ') : list === 'factorsNotDiscussed' ? `${i.factorCount} factors` : null;
      rows.push([list, null, 'men', null, null, null, i.caseRef, i.manName, practitioner(i.practitionerId), i.lastSeen, i.daysSinceSeen, detail, null]);
    }
  }
  // Overdue actions (issue 17.6): the owner in the practitioner column, due date and words in the detail.
  for (const a of c.overdueActions.items) rows.push(['overdueActions', null, null, null, null, null, a.caseRef, a.manName, practitioner(a.ownerId), null, null, `due ${a.dueOn} (${a.daysOverdue} days overdue): ${a.text}`, null]);
  // Trend rows: unit "men" here means men with a write-up that month.
  for (const p of c.trend as TrendPoint[]) {
    for (const [measure, f] of trendMeasures(p)) rows.push(['trend', measure, 'men', f.count, f.total, percent(f), null, null, null, null, null, null, p.month]);
  }
  return csv(rows);
}

/** Column headings of the partnership CSV; `note` says "suppressed" where a figure is withheld (a count of 1–4 or what would reveal one). */
export const PARTNERSHIP_CSV_HEADER = ['section', 'team', 'measure', 'unit', 'count', 'total', 'percent', 'note', 'month'] as const;

// One published share as CSV cells, with the suppression note.
const shareCells = (s: PublishedShare) => [s.count, s.total, s.percent, s.count === null || s.total === null || s.percent === null ? 'suppressed' : null];

/** The published partnership figures: per team and overall, counts only (no names, no case references), suppressed cells empty. */
export function partnershipCsv(p: PublishedPartnership): string {
  const rows: Array<Array<string | number | null>> = [[...PARTNERSHIP_CSV_HEADER]];
  for (const x of [...p.teams, p.all] as PublishedTeam[]) {
    rows.push(['team', x.team, 'open_cases', 'cases', x.openCases, null, null, x.openCases === null ? 'suppressed' : null, null]);
    rows.push(['team', x.team, 'men', 'men', x.men, null, null, x.men === null ? 'suppressed' : null, null]);
    rows.push(['team', x.team, 'cases_father_seen', 'cases', ...shareCells(x.casesSeen), null]);
    rows.push(['team', x.team, 'fathers_seen', 'men', ...shareCells(x.menSeen), null]);
    rows.push(['team', x.team, 'detailed_picture', 'men', ...shareCells(x.menDetailed), null]);
  }
  for (const d of p.neverExplored) rows.push(['never_explored', 'all', d.domain, 'men', ...shareCells(d.share), null]);
  for (const m of p.trend as PublishedTrendPoint[]) {
    for (const [measure, f] of trendMeasures(m)) rows.push(['trend', 'all', measure, 'men', ...shareCells(f), m.month]);
  }
  return csv(rows);
}
