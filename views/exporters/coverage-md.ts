// Coverage as Markdown for the CLI: the same shares and lists as chat, and the partnership figures.
import { NOT_SEEN_DAYS, DETAILED_DOMAINS, LIST_IDS, percent, type Fraction, type ListId, type TeamCoverage } from '../../records/coverage';
import { SMALLEST, type PublishedPartnership, type PublishedShare } from '../../records/coverage-publish';
import { DOMAIN_WORDING, t, type PromptKey } from '../../prompts';
import { escapeMarkdown } from './markdown';
import { DOMAIN_IDS } from '../../records/practice-model';

const LIST_TITLE: Readonly<Record<ListId, PromptKey>> = {
  neverSeen: 'coverage.listNeverSeen',
  notSeenRecently: 'coverage.listNotSeenRecently',
  domainsNeverExplored: 'coverage.listDomainsNeverExplored',
  factorsNotDiscussed: 'coverage.listFactorsNotDiscussed',
};

/** One share line, e.g. "Father seen or spoken to: 1 of 3 cases (33%)", or "… of 4 men …" for a share counted in men. */
export function shareLine(label: string, f: Fraction, unit: 'cases' | 'men' = 'cases'): string {
  return t(unit === 'men' ? 'coverage.shareLineMen' : 'coverage.shareLine', { label, count: f.count, total: f.total, percent: percent(f) });
}

/** The same measures counted in men, for the line under the case shares. */
export function menShareLines(c: TeamCoverage): Array<[string, Fraction]> {
  return [[t('coverage.shareSeen'), c.byMan.fatherSeen], [t('coverage.detailedRate', { n: DETAILED_DOMAINS }), c.byMan.detailed]];
}

/** Every share of a team report, labelled, in a fixed order (chat, Markdown export and page use the same). */
export function shareLines(c: TeamCoverage): Array<[string, Fraction]> {
  return [
    [t('coverage.shareSeen'), c.fatherSeen],
    ...DOMAIN_IDS.map((d): [string, Fraction] => [t('coverage.shareDomain', { domain: DOMAIN_WORDING[d].title }), c.domains[d]!]),
    [t('coverage.shareCrying'), c.crying],
    [t('coverage.shareInfo'), c.infoSought],
  ];
}

/** The team report as Markdown: title, shares, then each list with case, man and why he is listed. */
export function teamMarkdown(c: TeamCoverage, practitioner: (id: string) => string): string {
  const out = [`# ${t('coverage.title', { team: escapeMarkdown(c.team), cases: c.openCases, men: c.men, today: c.today })}`, ''];
  out.push(...shareLines(c).map(([l, f]) => `- ${shareLine(l, f)}`), '', `_${t('coverage.shareNote')}_`, '');
  out.push(...menShareLines(c).map(([l, f]) => `- ${shareLine(l, f, 'men')}`));
  if (c.since) out.push('', `_${t('coverage.periodNote', { since: c.since })}_`);
  for (const l of LIST_IDS) {
    out.push('', `## ${t(LIST_TITLE[l], { days: NOT_SEEN_DAYS })} (${c.lists[l].total})`, '');
    if (c.lists[l].items.length === 0) out.push(`- ${t('coverage.listEmpty')}`);
    for (const i of c.lists[l].items) {
      const why = l === 'notSeenRecently' ? `${i.lastSeen}, ${i.daysSinceSeen} days`
        : l === 'domainsNeverExplored' ? i.neverExplored.map((d) => DOMAIN_WORDING[d].title).join(', ')
        : l === 'factorsNotDiscussed' ? `${i.factorCount} factors` : escapeMarkdown(practitioner(i.practitionerId));
      out.push(`- ${i.caseRef}: ${escapeMarkdown(i.manName)} — ${why}`);
    }
  }
  out.push('', `## ${t('coverage.listOverdueActions')} (${c.overdueActions.total})`, '');
  if (c.overdueActions.items.length === 0) out.push(`- ${t('coverage.listEmpty')}`);
  for (const a of c.overdueActions.items) out.push(`- ${t('coverage.itemOverdue', { owner: escapeMarkdown(practitioner(a.ownerId)), ref: a.caseRef, man: escapeMarkdown(a.manName), due: a.dueOn, days: a.daysOverdue, text: escapeMarkdown(a.text) })}`);
  if (c.trend.length) {
    out.push('', `## ${t('coverage.trendTitle', { months: c.trend.length })}`, '', `_${t('coverage.trendNote')}_`, '', trendHeader(), '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const p of c.trend) out.push(`| ${p.month} | ${p.men} | ${frac(p.fatherSeen)} | ${frac(p.detailed)} | ${frac(p.crying)} | ${frac(p.infoSought)} |`);
  }
  return `${out.join('\n')}\n`;
}

const frac = (f: Fraction) => `${f.count} (${percent(f)}%)`;
const trendHeader = () => `| month | ${t('coverage.trendMen')} | ${t('coverage.fatherSeenRate')} | ${t('coverage.detailedRate', { n: DETAILED_DOMAINS })} | ${t('coverage.shareCrying')} | ${t('coverage.shareInfo')} |`;

// A published share as "5 of 9 (56%)", or the suppression mark.
function cell(s: PublishedShare): string {
  if (s.count === null) return t('coverage.suppressed');
  return s.total === null || s.percent === null ? `${s.count}` : `${s.count} of ${s.total} (${s.percent}%)`;
}
const num = (n: number | null) => (n === null ? t('coverage.suppressed') : String(n));

/** The published partnership figures as Markdown tables: counts only, no names, no case references, small counts suppressed. */
export function partnershipMarkdown(p: PublishedPartnership): string {
  const out = [`# ${t('coverage.partnershipTitle')} (${p.today})`, '', `| team | open cases | ${t('coverage.casesSeenRate')} | men | ${t('coverage.fatherSeenRate')} | ${t('coverage.detailedRate', { n: DETAILED_DOMAINS })} |`, '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const x of [...p.teams, p.all]) {
    out.push(`| ${escapeMarkdown(x.team)} | ${num(x.openCases)} | ${cell(x.casesSeen)} | ${num(x.men)} | ${cell(x.menSeen)} | ${cell(x.menDetailed)} |`);
  }
  out.push('', `_${t('coverage.suppressionNote', { n: SMALLEST - 1 })}_`);
  out.push('', `## ${t('coverage.neverExploredTitle')}`, '', '| topic | men never explored |', '| --- | ---: |');
  for (const d of p.neverExplored) out.push(`| ${DOMAIN_WORDING[d.domain].title} | ${cell(d.share)} |`);
  if (p.trend.length) {
    out.push('', `## ${t('coverage.trendTitle', { months: p.trend.length })}`, '', `_${t('coverage.trendNote')}_`, '', trendHeader(), '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const m of p.trend) out.push(`| ${m.month} | ${num(m.men)} | ${cell(m.fatherSeen)} | ${cell(m.detailed)} | ${cell(m.crying)} | ${cell(m.infoSought)} |`);
  }
  return `${out.join('\n')}\n`;
}
