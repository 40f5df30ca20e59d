// The review card: an Adaptive Card (1.5, what Teams renders) built from the same layout as the Markdown export.
import { adaptiveCard, type CardAttachment } from '../message';
import { t } from '../../prompts';
import { cardText } from './card-text';
import type { SummaryLayout } from '../exporters/summary-view';
import type { CardMarkdown, Channel } from '../channels';
import { clip, contentBudget, fitToBudget, jsonBytes } from '../budget';

/** Card actions the bot understands when a card is submitted. */
export const CARD_ACTIONS = ['confirm', 'discard'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** At most this many review pages; past it free text is cut shorter instead (the full text is in the record). */
export const MAX_REVIEW_PAGES = 4;
// Room for the "Page 1 of 4" line on each page.
const PAGE_LABEL_BYTES = 200;

/** A review the practitioner can change: the question id, the summary's id, and which part each section changes (by layout order). */
export interface ReviewButtons { q: string; summaryId: string; caseRef: string; sections: readonly (string | undefined)[] }

// What a button on the review sends: Seen's own answer to this review's question when it can be changed, else the plain action.
function buttonData(review: ReviewButtons | undefined, choice: string, section?: string): object {
  return review ? { action: 'answer', q: review.q, summaryId: review.summaryId, caseRef: review.caseRef, choice, ...(section ? { section } : {}) } : { action: choice };
}

// The summary's sections as card elements, each free text cut to `clipAt` characters; under review, each changeable
// section ends with its own Change button.
function sectionItems(layout: SummaryLayout, clipAt: number, md: CardMarkdown, review?: ReviewButtons): unknown[] {
  const items: unknown[] = [];
  for (const [i, s] of layout.sections.entries()) {
    items.push({ type: 'TextBlock', text: cardText(s.heading, md), weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' });
    if (s.facts.length) items.push({ type: 'FactSet', facts: s.facts.map(([title, value]) => ({ title: cardText(title, md), value: cardText(clip(value, clipAt), md) })) });
    for (const line of s.lines) items.push({ type: 'TextBlock', text: `• ${cardText(clip(line, clipAt), md)}`, wrap: true, spacing: 'Small' });
    const section = review?.sections[i];
    if (section) items.push({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: t('guided.reviewChange', { section: s.heading.split(' — ')[0]! }), data: buttonData(review, 'change', section) }] });
  }
  return items;
}

// One page: title and subtitle, the page label when there are several, its items, and the buttons on the last page.
function page(layout: SummaryLayout, items: unknown[], md: CardMarkdown, label: string | undefined, withActions: boolean, review?: ReviewButtons): CardAttachment {
  const body: unknown[] = [
    { type: 'TextBlock', text: cardText(layout.title, md), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: cardText(label ? `${layout.subtitle} · ${label}` : layout.subtitle, md), isSubtle: true, wrap: true, spacing: 'None' },
    ...items,
  ];
  return adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(withActions ? { actions: [
      { type: 'Action.Submit', title: t('writeup.confirm'), data: buttonData(review, 'confirm' satisfies CardAction), style: 'positive' },
      { type: 'Action.Submit', title: t('writeup.discard'), data: buttonData(review, 'discard' satisfies CardAction) },
    ] } : {}),
    fallbackText: `${layout.title}\n${layout.subtitle}`,
  });
}

// Packs the items into as few pages as fit the budget, in order; the buttons go on the last page.
function paginate(layout: SummaryLayout, items: unknown[], md: CardMarkdown, budget: number, review?: ReviewButtons): CardAttachment[] {
  const room = budget - jsonBytes(page(layout, [], md, undefined, true, review)) - PAGE_LABEL_BYTES;
  const pages: unknown[][] = [[]];
  let used = 0;
  for (const item of items) {
    const size = jsonBytes(item) + 1;
    if (used + size > room && pages.at(-1)!.length) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(item);
    used += size;
  }
  const n = pages.length;
  return pages.map((p, i) => page(layout, p, md, n > 1 ? t('writeup.reviewPage', { page: i + 1, pages: n }) : undefined, i === n - 1, review));
}

/** The review as cards that each fit the channel: free text cut at a limit, split into pages when it would not fit on one;
 * with `review`, Confirm, Discard and each section's Change answer that review's question. */
export function summaryCards(layout: SummaryLayout, channel: Pick<Channel, 'maxMessageBytes' | 'cardMarkdown'>, review?: ReviewButtons): CardAttachment[] {
  const budget = contentBudget(channel);
  const size = (pages: CardAttachment[]) => (pages.length > MAX_REVIEW_PAGES ? Infinity : Math.max(...pages.map(jsonBytes)));
  return fitToBudget((clipAt) => paginate(layout, sectionItems(layout, clipAt, channel.cardMarkdown, review), channel.cardMarkdown, budget, review), budget, size);
}
