// The team coverage as chat: shares in Markdown, then the lists as an Adaptive Card whose buttons send "prepare <case>".
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { NOT_SEEN_DAYS, type CoverageItem, type ListId, type TeamCoverage } from '../../records/coverage';
import { DOMAIN_WORDING, t, type PromptKey } from '../../prompts';
import { ROLE_LABEL } from '../../prompts/labels';
import { escapeMarkdown } from '../../views/exporters/markdown';
import { menShareLines, shareLine, shareLines } from '../../views/exporters/coverage-md';
import { percent } from '../../records/coverage';
import { cardText } from '../../views/cards/card-text';
import { clip } from '../../views/budget';

/** How many items each list shows in chat; the page shows the rest. */
export const CHAT_LIST_LIMIT = 5;
// Why cut: an action's text may be 20,000 characters; the card must fit Teams' 28 KB (views/budget.ts), the page shows it whole.
const OVERDUE_TEXT_CHARS = 300;

const LIST_TITLE: Readonly<Record<ListId, PromptKey>> = {
  neverSeen: 'coverage.listNeverSeen',
  notSeenRecently: 'coverage.listNotSeenRecently',
  domainsNeverExplored: 'coverage.listDomainsNeverExplored',
  factorsNotDiscussed: 'coverage.listFactorsNotDiscussed',
};
const LIST_ORDER: readonly ListId[] = ['neverSeen', 'notSeenRecently', 'domainsNeverExplored', 'factorsNotDiscussed'];

// One item's line; `esc` escapes record text (names) for the target (chat Markdown or card TextBlock).
function itemLine(list: ListId, i: CoverageItem, esc: (s: string) => string, practitioner: (id: string) => string): string {
  const base = { ref: i.caseRef, man: esc(i.manName) };
  if (list === 'neverSeen') return t('coverage.itemNeverSeen', { ...base, role: t(ROLE_LABEL[i.manRole]), practitioner: esc(practitioner(i.practitionerId)) });
  if (list === 'notSeenRecently') return t('coverage.itemNotSeenRecently', { ...base, date: i.lastSeen ?? '', days: i.daysSinceSeen ?? 0 });
  if (list === 'domainsNeverExplored') return t('coverage.itemDomains', { ...base, domains: i.neverExplored.map((d) => DOMAIN_WORDING[d].title).join(', ') });
  return t('coverage.itemFactors', { ...base, count: i.factorCount });
}

// A card button for a case: Seen's own data ({action, caseRef}, read by bot/card-submit.ts), the same on every channel.
function caseButton(title: string, action: 'prepare' | 'discussed', caseRef: string): Record<string, unknown> {
  return { type: 'Action.Submit', title, data: { action, caseRef } };
}

/** The report: one Markdown message with the shares, and the lists as a card (or as text where cards are not shown). */
export function coverageReply(c: TeamCoverage, withCard: boolean, practitioner: (id: string) => string): Array<Partial<Activity>> {
  const title = t('coverage.title', { team: escapeMarkdown(c.team), cases: c.openCases, men: c.men, today: c.today });
  const men = menShareLines(c).map(([l, f]) => `- ${shareLine(l, f, 'men')}`).join('\n');
  // The trend in one line (issue 17.7): men seen or spoken to, month by month; the page has every measure.
  const trend = c.trend.length ? `\n\n${t('coverage.trendLine', { months: c.trend.length, series: c.trend.map((p) => `${p.month} ${p.fatherSeen.count}/${p.men} (${percent(p.fatherSeen)}%)`).join(', ') })}` : '';
  const shares = `**${title}**\n\n${shareLines(c).map(([l, f]) => `- ${shareLine(l, f)}`).join('\n')}\n\n_${t('coverage.shareNote')}_\n\n${men}${trend}`;
  // Overdue actions by practitioner (issue 17.6), after the lists.
  const overdue = c.overdueActions.items.slice(0, CHAT_LIST_LIMIT).map((a) => t('coverage.itemOverdue', { owner: practitioner(a.ownerId), ref: a.caseRef, man: a.manName, due: a.dueOn, days: a.daysOverdue, text: clip(a.text, OVERDUE_TEXT_CHARS) }));
  const overdueHeading = `${t('coverage.listOverdueActions')} (${c.overdueActions.total})`;
  const heading = (l: ListId) => t(LIST_TITLE[l], { days: NOT_SEEN_DAYS });
  const more = (l: ListId) => c.lists[l].total - c.lists[l].items.length;
  const textLists = LIST_ORDER.map((l) => {
    const items = c.lists[l].items.map((i) => `- ${itemLine(l, i, escapeMarkdown, practitioner)}`);
    return `**${heading(l)}** (${c.lists[l].total})\n${items.length ? items.join('\n') : `- ${t('coverage.listEmpty')}`}${more(l) > 0 ? `\n- ${t('coverage.listMore', { more: more(l) })}` : ''}`;
  }).join('\n\n') + `\n\n**${overdueHeading}**\n${overdue.length ? overdue.map((o) => `- ${escapeMarkdown(o)}`).join('\n') : `- ${t('coverage.listEmpty')}`}` + `\n\n${t('coverage.textHint')}`;
  if (!withCard) return [MessageFactory.text(shares), MessageFactory.text(textLists)];
  const body = LIST_ORDER.flatMap((l) => [
    { type: 'TextBlock', text: `${cardText(heading(l))} (${c.lists[l].total})`, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' },
    ...(c.lists[l].items.length === 0 ? [{ type: 'TextBlock', text: t('coverage.listEmpty'), isSubtle: true, wrap: true, spacing: 'Small' }] : []),
    ...c.lists[l].items.map((i) => ({
      type: 'ColumnSet', spacing: 'Small', columns: [
        { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: itemLine(l, i, cardText, practitioner), wrap: true }] },
        { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [
          caseButton(t('coverage.prepareButton', { ref: i.caseRef }), 'prepare', i.caseRef),
          ...(l === 'factorsNotDiscussed' ? [caseButton(t('coverage.discussedButton', { ref: i.caseRef }), 'discussed', i.caseRef)] : []),
        ] }] },
      ],
    })),
    ...(more(l) > 0 ? [{ type: 'TextBlock', text: t('coverage.listMore', { more: more(l) }), isSubtle: true, wrap: true, spacing: 'Small' }] : []),
  ]);
  body.push(
    { type: 'TextBlock', text: `${cardText(t('coverage.listOverdueActions'))} (${c.overdueActions.total})`, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' },
    ...(overdue.length ? overdue : [t('coverage.listEmpty')]).map((o) => ({ type: 'TextBlock', text: cardText(o), wrap: true, spacing: 'Small', isSubtle: overdue.length === 0 })),
  );
  const card = CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, fallbackText: title.replace(/\*\*/g, '') });
  return [MessageFactory.text(shares), MessageFactory.attachment(card)];
}
