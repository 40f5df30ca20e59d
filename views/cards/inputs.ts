// Small builders for the Adaptive Card 1.5 inputs the write-up cards use, and zod readers for what they submit.
import { z } from 'zod';
import { adaptiveCard, cardMessage, type ViewMessage } from '../message';
import { cardText } from './card-text';
import { MAX_TEXT } from '../../records/model';

/** A choice as [value, title]. */
export type CardChoice = readonly [value: string, title: string];

/** A bold heading. */
export function heading(text: string): object {
  return { type: 'TextBlock', text: cardText(text), weight: 'Bolder', size: 'Medium', wrap: true };
}

/** A line of wording from prompts/ (its Markdown kept). */
export function note(text: string, subtle = false): object {
  return { type: 'TextBlock', text, wrap: true, ...(subtle ? { isSubtle: true, spacing: 'Small' } : {}) };
}

/** A text box; multi-line ones accept new lines (his account, actions); as long as the record takes (MAX_TEXT) unless told. */
export function textInput(id: string, label: string, opts: { placeholder?: string; multiline?: boolean; value?: string; maxLength?: number } = {}): object {
  return {
    type: 'Input.Text', id, label, isMultiline: opts.multiline ?? false, maxLength: opts.maxLength ?? MAX_TEXT,
    ...(opts.placeholder ? { placeholder: opts.placeholder } : {}), ...(opts.value ? { value: opts.value } : {}),
  };
}

/** A choice set: radio buttons (expanded), a drop-down (compact) or tick boxes (multi). */
export function choiceInput(id: string, label: string, choices: readonly CardChoice[], opts: { multi?: boolean; compact?: boolean; value?: string } = {}): object {
  return {
    type: 'Input.ChoiceSet', id, label, isMultiSelect: opts.multi ?? false, style: opts.compact ? 'compact' : 'expanded',
    choices: choices.map(([value, title]) => ({ title, value })), ...(opts.value ? { value: opts.value } : {}),
  };
}

/** A date picker, never later than `max` (yyyy-mm-dd). */
export function dateInput(id: string, label: string, value: string, max: string): object {
  return { type: 'Input.Date', id, label, value, max };
}

/** A submit button; Seen's own data (`action: 'answer'`, the question id, the choice) travels with the inputs. */
export function submit(title: string, q: string, choice?: string, style?: 'positive'): object {
  return { type: 'Action.Submit', title, data: { action: 'answer', q, ...(choice ? { choice } : {}) }, ...(style ? { style } : {}) };
}

/** A message carrying one Adaptive Card 1.5. */
export function formCard(body: object[], actions: object[], fallbackText: string): ViewMessage {
  return cardMessage(adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions, fallbackText }));
}

/** A text field as submitted: absent or blank is ''. */
export const field = z.string().max(20_000).optional().transform((s) => (s ?? '').trim());
/** A multi-select as submitted ("a,b"): the ids picked, each one of `ids`. */
export function picks<I extends string>(ids: readonly [I, ...I[]]) {
  return z.string().max(2_000).optional().transform((s) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.enum(ids)));
}
/** The fields every answer card submits. */
export const answerBase = { action: z.literal('answer'), q: z.string(), choice: z.string().optional() };
