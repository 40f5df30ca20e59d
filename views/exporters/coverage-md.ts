// Coverage as Markdown for the CLI: the same shares and lists as chat, and the partnership figures.
import { NOT_SEEN_DAYS, DETAILED_DOMAINS, LIST_IDS, percent, type Fraction, type ListId, type PartnershipCoverage, type TeamCoverage } from '../../records/coverage';
import { DOMAIN_WORDING, t, type PromptKey } from '../../prompts';
import { escapeMarkdown } from './markdown';
import { DOMAIN_IDS } from '../../records/practice-model';

const LIST_TITLE: Readonly<Record<ListId, PromptKey>> = {
  neverSeen: 'coverage.listNeverSeen',
  notSeenRecently: 'coverage.listNotSeenRecently',
  domainsNeverExplored: 'coverage.listDomainsNeverExplored',
  factorsNotDiscussed: 'coverage.listFactorsNotDiscussed',
};

/** One share line, e.g. "Father seen or spoken to: 1 of 3 cases (33%)". */
export function shareLine(label: string, f: Fraction): string {
  return t('coverage.shareLine', { label, count: f.count, total: f.total, percent: percent(f) });
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
  out.push(...shareLines(c).map(([l, f]) => `- ${shareLine(l, f)}`), '', `_${t('coverage.shareNote')}_`);
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
  return `${out.join('\n')}\n`;
}

/** The partnership figures as Markdown tables: counts only, no names, no case references. */
export function partnershipMarkdown(p: PartnershipCoverage): string {
  const out = [`# ${t('coverage.partnershipTitle')} (${p.today})`, '', `| team | open cases | men | ${t('coverage.fatherSeenRate')} | ${t('coverage.detailedRate', { n: DETAILED_DOMAINS })} |`, '| --- | ---: | ---: | ---: | ---: |'];
  for (const x of p.teams) {
    out.push(`| ${escapeMarkdown(x.team)} | ${x.openCases} | ${x.men} | ${x.menSeen} (${percent({ count: x.menSeen, total: x.men })}%) | ${x.menDetailed} (${percent({ count: x.menDetailed, total: x.men })}%) |`);
  }
  out.push('', `## ${t('coverage.neverExploredTitle')}`, '', '| topic | men never explored | of | % |', '| --- | ---: | ---: | ---: |');
  for (const d of p.neverExplored) out.push(`| ${DOMAIN_WORDING[d.domain].title} | ${d.count} | ${d.total} | ${percent(d)}% |`);
  return `${out.join('\n')}\n`;
}
