// One card per substance: how often, how much, spend, signs, and the published screen's remaining items where one fits.
import { z } from 'zod';
import { t } from '../../prompts';
import { answerBase, choiceInput, field, formCard, heading, note, submit, textInput, type CardChoice } from './inputs';
import type { ViewMessage } from '../message';

/** One screen item on the card: its input id, question and scored options (value = option index). */
export interface ScreenItemView { id: string; question: string; options: readonly CardChoice[] }

/** What the substance card submits; screen items arrive as `item1`, `item2`, … */
export const SubstanceAnswer = z.object({ ...answerBase, frequency: field, amount: field, spend: field, signs: z.string().max(2_000).optional() }).catchall(z.unknown());

/** The substance card's content. */
export interface SubstanceCardView {
  q: string;
  substance: string;
  frequencies: readonly CardChoice[];
  frequency?: string;
  amountHint: string;
  signs: readonly CardChoice[];
  screen?: { hint: string; items: readonly ScreenItemView[] };
}

/** Builds the card for one substance. */
export function substanceCard(v: SubstanceCardView): ViewMessage {
  const title = t('guided.substanceTitle', { substance: v.substance });
  const body = [
    heading(title),
    choiceInput('frequency', t('guided.substanceFrequency'), v.frequencies, { compact: true, ...(v.frequency ? { value: v.frequency } : {}) }),
    textInput('amount', t('guided.substanceAmount'), { placeholder: v.amountHint, maxLength: 500 }),
    textInput('spend', t('guided.substanceSpend'), { placeholder: t('substance.notKnown'), maxLength: 200 }),
    choiceInput('signs', t('guided.substanceSigns'), v.signs, { multi: true }),
    ...(v.screen ? [note(v.screen.hint, true), ...v.screen.items.map((i) => choiceInput(i.id, i.question, i.options, { compact: true }))] : []),
  ];
  return formCard(body, [submit(t('guided.next'), v.q, undefined, 'positive')], title);
}
