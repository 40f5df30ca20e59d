// The coverage card after pasted notes: each domain's status with the sentence it relied on; text where cards are not shown.
import { adaptiveCard, cardMessage, textMessage, type ViewMessage } from '../message';
import { DOMAIN_IDS, type DomainId, type DomainStatus } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { STATUS_LABEL } from '../../prompts/labels';
import { escapeMarkdown } from '../exporters/markdown';
import { cardText } from './card-text';
import type { CardMarkdown } from '../channels';

/** One domain's line on the card. */
export interface CoverageRow { status: DomainStatus; evidence: string[] }

const COLOUR: Readonly<Record<DomainStatus, string>> = { covered: 'Good', secondhand: 'Warning', absent: 'Attention' };
const first = (e: string[]) => (e[0] ? (e[0].length > 240 ? `${e[0].slice(0, 237)}…` : e[0]) : '');

/** The coverage message: an Adaptive Card 1.5 (its text escaped for the channel's Markdown) with a one-line fallback, or the Markdown text. */
export function coverageMessage(man: string, rows: Readonly<Record<DomainId, CoverageRow>>, withCard: boolean, md: CardMarkdown = 'commonmark'): ViewMessage {
  const intro = t('notes.coverageIntro', { man: escapeMarkdown(man) });
  const lines = DOMAIN_IDS.map((d) => {
    const r = rows[d];
    const sentence = first(r.evidence);
    return `- ${t('notes.coverageLine', { title: DOMAIN_WORDING[d].title, status: t(STATUS_LABEL[r.status]), evidence: sentence ? t('notes.evidence', { sentence: escapeMarkdown(sentence) }) : '' })}`;
  });
  const text = `${intro}\n\n${lines.join('\n')}`;
  if (!withCard) return textMessage(text);
  const body = [
    { type: 'TextBlock', text: cardText(t('notes.coverageIntro', { man }).replace(/\*\*/g, ''), md), wrap: true, weight: 'Bolder' },
    ...DOMAIN_IDS.map((d) => ({
      type: 'Container', separator: true, items: [
        { type: 'TextBlock', text: `${cardText(DOMAIN_WORDING[d].title, md)}: ${t(STATUS_LABEL[rows[d].status])}`, wrap: true, weight: 'Bolder', color: COLOUR[rows[d].status] },
        ...(first(rows[d].evidence) ? [{ type: 'TextBlock', text: `"${cardText(first(rows[d].evidence), md)}"`, wrap: true, isSubtle: true, spacing: 'None' }] : []),
      ],
    })),
  ];
  const card = adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, fallbackText: intro.replace(/\*\*/g, '') });
  return cardMessage(card, intro);
}
