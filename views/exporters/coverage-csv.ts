// Coverage as CSV (RFC 4180): one long table per report, safe to open in a spreadsheet.
import { DOMAIN_IDS } from '../../records/practice-model';
import { LIST_IDS, percent, type Fraction, type PartnershipCoverage, type TeamCoverage } from '../../records/coverage';

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

/** Column headings of the team CSV. */
export const TEAM_CSV_HEADER = ['section', 'measure', 'count', 'total', 'percent', 'case_ref', 'man', 'practitioner', 'last_seen', 'days_since_seen', 'detail'] as const;

/** The team report: every share (section "share"), then every list item (section = list id); ids, not wording, name the measures. */
export function teamCsv(c: TeamCoverage, practitioner: (id: string) => string): string {
  const share = (measure: string, f: Fraction) => ['share', measure, f.count, f.total, percent(f), null, null, null, null, null, null];
  const rows: Array<Array<string | number | null>> = [
    [...TEAM_CSV_HEADER],
    share('father_seen', c.fatherSeen),
    ...DOMAIN_IDS.map((d) => share(`own_account_${d}`, c.domains[d]!)),
    share('crying_discussed', c.crying),
    share('info_sought', c.infoSought),
  ];
  for (const list of LIST_IDS) {
    for (const i of c.lists[list].items) {
      const detail = list === 'domainsNeverExplored' ? i.neverExplored.join(' ') : list === 'factorsNotDiscussed' ? `${i.factorCount} factors` : null;
      rows.push([list, null, null, null, null, i.caseRef, i.manName, practitioner(i.practitionerId), i.lastSeen, i.daysSinceSeen, detail]);
    }
  }
  return csv(rows);
}

/** Column headings of the partnership CSV. */
export const PARTNERSHIP_CSV_HEADER = ['section', 'team', 'measure', 'count', 'total', 'percent'] as const;

/** The partnership report: per team and overall, counts only (no names, no case references). */
export function partnershipCsv(p: PartnershipCoverage): string {
  const rows: Array<Array<string | number | null>> = [[...PARTNERSHIP_CSV_HEADER]];
  const all = p.teams.reduce((s, x) => ({ team: 'all', openCases: s.openCases + x.openCases, men: s.men + x.men, menSeen: s.menSeen + x.menSeen, menDetailed: s.menDetailed + x.menDetailed }), { team: 'all', openCases: 0, men: 0, menSeen: 0, menDetailed: 0 });
  for (const x of [...p.teams, all]) {
    rows.push(['team', x.team, 'open_cases', x.openCases, null, null]);
    rows.push(['team', x.team, 'fathers_seen', x.menSeen, x.men, percent({ count: x.menSeen, total: x.men })]);
    rows.push(['team', x.team, 'detailed_picture', x.menDetailed, x.men, percent({ count: x.menDetailed, total: x.men })]);
  }
  for (const d of p.neverExplored) rows.push(['never_explored', 'all', d.domain, d.count, d.total, percent(d)]);
  return csv(rows);
}
