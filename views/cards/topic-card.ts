// One card per topic: his account, whose account it is (and who), strengths, concerns, or "not explored" with a reason.
import { z } from 'zod';
import { t } from '../../prompts';
import { answerBase, choiceInput, field, formCard, heading, note, submit, textInput, type CardChoice } from './inputs';
import type { ViewMessage } from '../message';

/** What a topic card submits; `crying` only on parenting knowledge. */
export const TopicAnswer = z.object({
  ...answerBase,
  account: field,
  source: z.enum(['him', 'secondhand', '']).optional(),
  by: field,
  strengths: field,
  concerns: field,
  crying: z.string().max(2_000).optional(),
  reason: field,
});
export type TopicAnswer = z.infer<typeof TopicAnswer>;

/** The topic's wording and, for parenting knowledge, the crying messages to tick. */
export interface TopicCardView { q: string; title: string; question: string; crying?: readonly CardChoice[] }

/** The card for one topic; "Not explored" keeps whatever was already written. */
export function topicCard(v: TopicCardView): ViewMessage {
  const body = [
    heading(v.title),
    note(v.question),
    textInput('account', t('guided.topicAccount'), { multiline: true }),
    choiceInput('source', t('guided.topicSource'), [['him', t('guided.topicSourceHim')], ['secondhand', t('guided.topicSourceOther')]], { value: 'him' }),
    textInput('by', t('guided.topicBy'), { placeholder: t('guided.topicByPlaceholder'), maxLength: 200 }),
    ...(v.crying ? [choiceInput('crying', t('guided.topicCrying'), v.crying, { multi: true })] : []),
    textInput('strengths', t('guided.topicStrengths'), { multiline: true }),
    textInput('concerns', t('guided.topicConcerns'), { multiline: true }),
    textInput('reason', t('guided.topicReason'), { maxLength: 500 }),
  ];
  return formCard(body, [submit(t('guided.topicSave'), v.q, 'save', 'positive'), submit(t('guided.topicNotExplored'), v.q, 'not_explored')], v.title);
}
