// Card submissions arrive as a message with `value` and no text; turn a known action into the words a prompt expects.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { t, type PromptKey } from '../prompts';
import { prepareCommandText, writeUpCommandText } from '../views/command-text';

/** A case reference on a card button (prepare / write up that case). */
const CaseRefValue = z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);

/** Which question a card answers (dialogs/card-prompt.ts). */
const QuestionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The card submissions Seen understands; extra fields are refused, not ignored. */
export const CardSubmit = z.union([
  z.object({ action: z.enum(['confirm', 'discard']), q: QuestionId.optional(), summaryId: z.uuid().optional() }).strict(),
  // A card's answer to one question of a dialog: the dialog's card prompt checks `q` and reads the rest with the card's own schema.
  z.object({ action: z.literal('answer'), q: QuestionId }).catchall(z.union([z.string().max(20_000), z.boolean(), z.number()])),
  z.object({ action: z.enum(['prepare', 'writeUp']), caseRef: CaseRefValue }).strict(),
]);
const ACTION_TEXT: Readonly<Record<'confirm' | 'discard', PromptKey>> = {
  confirm: 'writeup.confirm',
  discard: 'writeup.discard',
};
/** Buttons that start a job for a case become the command a user would type. */
const CASE_COMMAND: Readonly<Record<'prepare' | 'writeUp', (ref: string) => string>> = { prepare: prepareCommandText, writeUp: writeUpCommandText };

/** 'text' when the activity is ordinary, 'card' when a card submit was translated, 'invalid' when its value is unreadable. */
export function applyCardSubmit(activity: Partial<Activity>): 'text' | 'card' | 'invalid' {
  if (activity.value === undefined || activity.value === null || (activity.text ?? '').trim() !== '') return 'text';
  const parsed = CardSubmit.safeParse(activity.value);
  if (!parsed.success) return 'invalid';
  const submit = parsed.data;
  // Why: an answer card carries its fields in `value`; the dialog's card prompt reads them, so there is no text to fill in.
  if (submit.action === 'answer') return 'card';
  activity.text = 'caseRef' in submit ? CASE_COMMAND[submit.action](submit.caseRef.toUpperCase()) : t(ACTION_TEXT[submit.action]);
  return 'card';
}
