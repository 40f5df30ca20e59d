// The paste path's review card (issue 15, "one review card first"): each topic's status, each statement with its source, editable.
import { z } from 'zod';
import { adaptiveCard, cardMessage, textMessage, type ViewMessage } from '../message';
import { Statement, statusFromStatements, UpTo } from '../../records/model';
import { DOMAIN_IDS, DomainId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { STATUS_LABEL } from '../../prompts/labels';
import { escapeMarkdown } from '../exporters/markdown';
import { clip, CLIP_STEPS } from '../budget';
import { cardText } from './card-text';

/** One topic as the review shows it: its statements (in note order). */
export type ReviewTopics = Record<DomainId, Statement[]>;

/** The submit action that marks Seen's own review card. */
export const NOTES_REVIEW_ACTION = 'notesReview';
const HIM = 'him';
const SECONDHAND = 'secondhand:';
const COLOUR = { covered: 'Good', secondhand: 'Warning', absent: 'Attention' } as const;
/** A field id on the card: `text.<domain>.<n|new>` or `source.<domain>.<n|new>`. */
const FIELD = /^(text|source)\.([a-z_]+)\.(\d{1,3}|new)$/;
/** The gap fields: crying messages, and per substance its frequency, amount, spend and screen items. */
const GAP_FIELD = /^(?:crying|factors|agencies|consent|anxious|actions|(?:freq|amount|spend)\.[a-z -]{1,40}|screen\.[a-z -]{1,40}\.\d)$/;

/** What the card submits: its action plus its fields (each bounded), nothing else. */
export const NotesReviewSubmit = z.object({ action: z.literal(NOTES_REVIEW_ACTION) }).catchall(UpTo(20_000)).superRefine((v, ctx) => {
  for (const k of Object.keys(v)) {
    const m = FIELD.exec(k);
    if (k !== 'action' && !GAP_FIELD.test(k) && (!m || !DomainId.safeParse(m[2]).success)) ctx.addIssue({ code: 'custom', message: `unknown field ${k.slice(0, 40)}` });
  }
});
export type NotesReviewSubmit = z.infer<typeof NotesReviewSubmit>;

/** A statement's source in words: "his own account" or "second-hand (Shannon)". */
export function sourceLabel(s: Pick<Statement, 'source' | 'by'>): string {
  return s.source === 'him' ? t('notes.sourceHim') : s.by ? t('notes.sourceBy', { by: s.by }) : t('notes.sourceSomeone');
}

const sourceValue = (s: Pick<Statement, 'source' | 'by'>) => (s.source === 'him' ? HIM : `${SECONDHAND}${s.by ?? ''}`);

/** The text lines of the review: each topic's status and each statement with its source. */
function reviewLines(topics: ReviewTopics): string[] {
  return DOMAIN_IDS.flatMap((d) => {
    const status = statusFromStatements(topics[d]);
    const head = `- **${DOMAIN_WORDING[d].title}**: ${t(status === 'absent' ? 'notes.notAsked' : STATUS_LABEL[status])}`;
    return [head, ...topics[d].map((s) => `  - "${escapeMarkdown(s.text)}" (${sourceLabel(s)})`)];
  });
}

/** A choice offered on the card: the value submitted and its words. */
export interface CardChoice { title: string; value: string }
/** What the notes leave open, asked on the same card: crying messages, and each substance whose level is unknown (with its screen). */
export interface ReviewGaps {
  crying: CardChoice[] | null;
  substances: Array<{ id: string; name: string; frequencies: CardChoice[]; screen: Array<{ question: string; options: CardChoice[] }> }>;
  /** The rest of the write-up on the same card (factors pre-ticked from the notes, agencies, consent, reflection, actions), when asked. */
  rest?: { factors: CardChoice[]; factorsPicked: string[]; agencies: CardChoice[]; agenciesPicked: string[]; yesNo: CardChoice[]; consent: CardChoice[] };
}
const NO_GAPS: ReviewGaps = { crying: null, substances: [] };
const plain = (s: string) => cardText(s.replace(/\*\*/g, ''));

// The card's questions for what the notes leave open, each optional: a blank answer is recorded as not asked.
function gapItems(gaps: ReviewGaps): object[] {
  const out: object[] = [];
  if (gaps.crying) out.push({ type: 'Container', separator: true, items: [
    { type: 'Input.ChoiceSet', id: 'crying', isMultiSelect: true, style: 'expanded', label: t('notes.askCrying'), choices: gaps.crying }] });
  for (const x of gaps.substances) {
    out.push({ type: 'Container', separator: true, items: [
      { type: 'TextBlock', text: t('notes.reviewLevel', { substance: cardText(x.name) }), wrap: true, weight: 'Bolder' },
      { type: 'Input.ChoiceSet', id: `freq.${x.id}`, style: 'compact', label: t('substance.askFrequency', { substance: x.name }), choices: x.frequencies },
      { type: 'Input.Text', id: `amount.${x.id}`, label: t('substance.askAmount', { substance: x.name }) },
      { type: 'Input.Text', id: `spend.${x.id}`, label: t('substance.askSpend', { substance: x.name }) },
      ...x.screen.map((item, i) => ({ type: 'Input.ChoiceSet', id: `screen.${x.id}.${i}`, style: 'compact', label: cardText(item.question), choices: item.options })),
    ] });
  }
  const r = gaps.rest;
  if (r) out.push({ type: 'Container', separator: true, items: [
    { type: 'Input.ChoiceSet', id: 'factors', isMultiSelect: true, style: 'expanded', label: plain(t('writeup.askFactors')), choices: r.factors, ...(r.factorsPicked.length ? { value: r.factorsPicked.join(',') } : {}) },
    { type: 'Input.ChoiceSet', id: 'agencies', isMultiSelect: true, style: 'expanded', label: plain(t('writeup.askInfoSought')), choices: r.agencies, ...(r.agenciesPicked.length ? { value: r.agenciesPicked.join(',') } : {}) },
    { type: 'Input.ChoiceSet', id: 'consent', style: 'compact', label: plain(t('writeup.askConsent')), choices: r.consent },
    { type: 'Input.ChoiceSet', id: 'anxious', style: 'compact', label: plain(t('writeup.askAnxious')), choices: r.yesNo },
    { type: 'Input.Text', id: 'actions', isMultiline: true, label: plain(t('writeup.askActions')) },
  ] });
  return out;
}

/** The review message: a card with a text input and a source choice per statement (and one new line per topic), or the same as text. */
export function notesReviewMessage(man: string, topics: ReviewTopics, tellers: readonly string[], withCard: boolean, gaps: ReviewGaps = NO_GAPS, clipAt = Infinity): ViewMessage {
  const text = `${t('notes.reviewIntro', { man: escapeMarkdown(man) })}\n\n${reviewLines(topics).join('\n')}`;
  if (!withCard) return textMessage(`${text}\n\n${t('notes.reviewTextOnly')}`);
  // At the shortest cut the statements are shown without inputs, so even a note of MAX_TEXT fits a Teams message.
  const readOnly = clipAt <= CLIP_STEPS[CLIP_STEPS.length - 1]!;
  const people = [...new Set(tellers.filter(Boolean))];
  const choices = (s?: Pick<Statement, 'source' | 'by'>) => {
    // At the shortest cut the named tellers are left out of the choices too ("someone else" still records second-hand).
    if (readOnly) return [{ title: t('notes.sourceHim'), value: HIM }, { title: t('notes.sourceSomeone'), value: SECONDHAND }];
    const list = [{ title: t('notes.sourceHim'), value: HIM }, ...people.map((p) => ({ title: t('notes.sourceBy', { by: cardText(p) }), value: `${SECONDHAND}${p}` })),
      { title: t('notes.sourceSomeone'), value: SECONDHAND }];
    if (s && s.source === 'secondhand' && s.by && !people.includes(s.by)) list.splice(1, 0, { title: t('notes.sourceBy', { by: cardText(s.by) }), value: sourceValue(s) });
    return list;
  };
  // A statement longer than the card can carry is shown cut and not offered for editing (no input, so the submission
  // keeps the whole text from the record); its source can still be changed.
  const row = (d: DomainId, key: string, s?: Statement, question?: string) => s && readOnly ? {
    // Too many statements for the channel to carry as inputs: each is shown, cut, with its source, to correct after saving.
    type: 'TextBlock', text: `${cardText(clip(s.text, clipAt))} (${cardText(sourceLabel(s))})`, wrap: true, spacing: 'Small',
  } : {
    type: 'ColumnSet', columns: [
      { type: 'Column', width: 'stretch', items: [s && s.text.length > clipAt ? { type: 'TextBlock', text: cardText(clip(s.text, clipAt)), wrap: true } : { type: 'Input.Text', id: `text.${d}.${key}`, value: s ? cardText(s.text) : '', isMultiline: true, placeholder: s ? '' : t('notes.reviewAdd'), label: s ? undefined : question ?? t('notes.reviewAddLabel') }] },
      { type: 'Column', width: 'auto', items: [{ type: 'Input.ChoiceSet', id: `source.${d}.${key}`, style: 'compact', value: s ? sourceValue(s) : HIM, choices: choices(s) }] },
    ],
  };
  const body = [
    { type: 'TextBlock', text: cardText(t('notes.reviewIntro', { man }).replace(/\*\*/g, '')), wrap: true, weight: 'Bolder' },
    ...DOMAIN_IDS.map((d) => {
      const status = statusFromStatements(topics[d]);
      return {
        type: 'Container', separator: true, items: [
          { type: 'TextBlock', text: `${cardText(DOMAIN_WORDING[d].title)}: ${t(status === 'absent' ? 'notes.notAsked' : STATUS_LABEL[status])}`, wrap: true, weight: 'Bolder', color: COLOUR[status] },
          ...topics[d].map((s, i) => row(d, String(i), s)),
          // A topic without his own account asks its follow-up here, so the card is the one place it is asked.
          row(d, 'new', undefined, status === 'covered' ? undefined : DOMAIN_WORDING[d].followUp),
        ],
      };
    }),
    ...gapItems(gaps),
  ];
  const card = adaptiveCard({
    // fallbackText is a short line, not a second copy of every statement (the card's size budget).
    type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, fallbackText: t('notes.reviewIntro', { man: escapeMarkdown(man) }),
    actions: [{ type: 'Action.Submit', title: t('notes.reviewSubmit'), data: { action: NOTES_REVIEW_ACTION } }],
  });
  return cardMessage(card, t('notes.reviewIntro', { man: escapeMarkdown(man) }));
}

/** The topics as edited on the card: an emptied text drops its statement; a new line is added with its chosen source. */
export function applyNotesReview(topics: ReviewTopics, submit: NotesReviewSubmit): ReviewTopics {
  const out = {} as ReviewTopics;
  for (const d of DOMAIN_IDS) {
    const keys = [...topics[d].map((_, i) => String(i)), 'new'];
    out[d] = keys.flatMap((key, i) => {
      const old = topics[d][i];
      const text = (submit[`text.${d}.${key}`] ?? (old ? old.text : '')).trim();
      if (!text) return [];
      const source = submit[`source.${d}.${key}`] ?? (old ? sourceValue(old) : HIM);
      const by = source.startsWith(SECONDHAND) ? source.slice(SECONDHAND.length).trim() || null : null;
      return [Statement.parse({ text, source: source === HIM ? 'him' : 'secondhand', by })];
    });
  }
  return out;
}
