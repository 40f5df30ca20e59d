// Card submissions arrive as a message with `value` and no text; turn a known action into the words a prompt expects.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { t, type PromptKey } from '../prompts';
import { CARD_DATA_WRAPPERS } from '../views/channels';
import { discussedCommandText, prepareCommandText, writeUpCommandText } from '../views/command-text';
import { NotesReviewSubmit } from '../views/cards/notes-review-card';

/** A case reference on a card button (prepare / write up that case). */
const CaseRefValue = z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);

/** Which question a card answers (dialogs/card-prompt.ts). */
const QuestionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The card submissions Seen understands (Seen's own `{action, ...}`, the one shape every card uses); extra fields are refused. */
export const CardSubmit = z.union([
  z.object({ action: z.enum(['confirm', 'discard']), q: QuestionId.optional(), summaryId: z.uuid().optional() }).strict(),
  // A card's answer to one question of a dialog: the dialog's card prompt checks `q` and reads the rest with the card's own schema.
  z.object({ action: z.literal('answer'), q: QuestionId }).catchall(z.union([z.string().max(20_000), z.boolean(), z.number()])),
  z.object({ action: z.enum(['prepare', 'writeUp', 'discussed']), caseRef: CaseRefValue }).strict(),
  NotesReviewSubmit,
]);
const ACTION_TEXT: Readonly<Record<'confirm' | 'discard', PromptKey>> = {
  confirm: 'writeup.confirm',
  discard: 'writeup.discard',
};
/** Buttons that start a job for a case become the command a user would type. */
const CASE_COMMAND: Readonly<Record<'prepare' | 'writeUp' | 'discussed', (ref: string) => string>> = {
  prepare: prepareCommandText, writeUp: writeUpCommandText, discussed: discussedCommandText,
};

/** The text a channel wrapper stands for, on cards sent before all data was Seen's own: imBack's value, messageBack's text. */
const WrapperText = z.union([
  z.object({ type: z.literal('imBack'), value: z.string().min(1).max(200) }).loose().transform((w) => w.value),
  z.object({ type: z.literal('messageBack'), text: z.string().min(1).max(200) }).loose().transform((w) => w.text),
]);

/**
 * Strips the channel-specific wrappers from card data, leaving Seen's own fields; when nothing of Seen's is left, the
 * text a wrapper carried (an older card's imBack/messageBack) is returned to be read as if typed.
 */
export function unwrapCardData(value: unknown): { data: unknown; text?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { data: value };
  const own: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  let text: string | undefined;
  for (const key of CARD_DATA_WRAPPERS) {
    if (!(key in own)) continue;
    const carried = WrapperText.safeParse(own[key]);
    if (carried.success) text ??= carried.data;
    delete own[key];
  }
  return Object.keys(own).length === 0 && text !== undefined ? { data: own, text } : { data: own };
}

/** 'text' when the activity is ordinary, 'card' when a card submit was translated, 'invalid' when its value is unreadable. */
export function applyCardSubmit(activity: Partial<Activity>): 'text' | 'card' | 'invalid' {
  if (activity.value === undefined || activity.value === null || (activity.text ?? '').trim() !== '') return 'text';
  const { data, text } = unwrapCardData(activity.value);
  if (text !== undefined) {
    activity.text = text;
    return 'card';
  }
  const parsed = CardSubmit.safeParse(data);
  if (!parsed.success) return 'invalid';
  const submit = parsed.data;
  // Dialogs that read the card's own fields (answer cards, the paste review) see Seen's shape, never a channel's wrapper.
  activity.value = data;
  // Why: an answer card carries its fields in `value`; the dialog's card prompt reads them, so there is no text to fill in.
  if (submit.action === 'answer') return 'card';
  // The paste path's review card keeps its fields in `value` for the notes dialog; the text only says it was sent.
  if (submit.action === 'notesReview') activity.text = t('notes.reviewSent');
  else activity.text = 'caseRef' in submit ? CASE_COMMAND[submit.action](submit.caseRef.toUpperCase()) : t(ACTION_TEXT[submit.action]);
  return 'card';
}
