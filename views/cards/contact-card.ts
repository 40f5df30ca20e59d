// The contact card: date, where, who was present, and whether he was seen or spoken to, answered in one go.
import { z } from 'zod';
import { t } from '../../prompts';
import { answerBase, choiceInput, dateInput, field, formCard, heading, submit, textInput } from './inputs';
import type { ViewMessage } from '../message';

/** What the contact card submits; `seen` may be left blank when he is named as present. */
export const ContactAnswer = z.object({
  ...answerBase,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal('')).optional(),
  location: field,
  present: field,
  seen: z.enum(['seen', 'spoken_to', 'not_seen', '']).optional(),
  notSeenReason: field,
});
export type ContactAnswer = z.infer<typeof ContactAnswer>;

/** The card, with today's date filled in and nothing later allowed. */
export function contactCard(q: string, today: string): ViewMessage {
  const body = [
    heading(t('guided.contactTitle')),
    dateInput('date', t('guided.contactDate'), today, today),
    textInput('location', t('guided.contactWhere'), { placeholder: t('guided.contactWherePlaceholder'), maxLength: 500 }),
    textInput('present', t('guided.contactPresent'), { placeholder: t('guided.contactPresentPlaceholder'), maxLength: 500 }),
    choiceInput('seen', t('guided.contactSeen'), [['seen', t('writeup.seenInPerson')], ['spoken_to', t('writeup.spokenTo')], ['not_seen', t('writeup.notSeen')]]),
    textInput('notSeenReason', t('guided.contactNotSeenReason'), { maxLength: 500 }),
  ];
  return formCard(body, [submit(t('guided.next'), q, undefined, 'positive')], t('guided.contactTitle'));
}
