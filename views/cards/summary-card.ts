// The review card: an Adaptive Card (1.5, what Teams renders) built from the same layout as the Markdown export.
import { adaptiveCard, type CardAttachment } from '../message';
import { t } from '../../prompts';
import { cardText } from './card-text';
import type { SummaryLayout } from '../exporters/summary-view';

/** Card actions the bot understands when a card is submitted. */
export const CARD_ACTIONS = ['confirm', 'discard'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];


/** A review the practitioner can change: the question id, the summary's id, and which part each section changes (by layout order). */
export interface ReviewButtons { q: string; summaryId: string; caseRef: string; sections: readonly (string | undefined)[] }

/** Builds the review card with Confirm and Discard buttons; under review, each changeable section has its own Change button. */
export function summaryCard(layout: SummaryLayout, review?: ReviewButtons): CardAttachment {
  const data = (choice: string, section?: string) => (review ? { action: 'answer', q: review.q, summaryId: review.summaryId, caseRef: review.caseRef, choice, ...(section ? { section } : {}) } : { action: choice });
  const body: unknown[] = [
    { type: 'TextBlock', text: cardText(layout.title), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: cardText(layout.subtitle), isSubtle: true, wrap: true, spacing: 'None' },
  ];
  for (const [i, s] of layout.sections.entries()) {
    body.push({ type: 'TextBlock', text: cardText(s.heading), weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' });
    if (s.facts.length) body.push({ type: 'FactSet', facts: s.facts.map(([title, value]) => ({ title: cardText(title), value: cardText(value) })) });
    for (const line of s.lines) body.push({ type: 'TextBlock', text: `• ${cardText(line)}`, wrap: true, spacing: 'Small' });
    const section = review?.sections[i];
    if (section) body.push({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: t('guided.reviewChange', { section: s.heading.split(' — ')[0]! }), data: data('change', section) }] });
  }
  return adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: [
      { type: 'Action.Submit', title: t('writeup.confirm'), data: data('confirm' satisfies CardAction), style: 'positive' },
      { type: 'Action.Submit', title: t('writeup.discard'), data: data('discard' satisfies CardAction) },
    ],
    fallbackText: `${layout.title}\n${layout.subtitle}`,
  });
}
