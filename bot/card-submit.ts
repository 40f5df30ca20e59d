// Card submissions arrive as a message with `value` and no text; turn a known action into the words a prompt expects.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { t, type PromptKey } from '../prompts';

/** The card submissions Seen understands; extra fields are refused, not ignored. */
export const CardSubmit = z.object({ action: z.enum(['confirm', 'discard']) }).strict();
const ACTION_TEXT: Readonly<Record<z.infer<typeof CardSubmit>['action'], PromptKey>> = {
  confirm: 'writeup.confirm',
  discard: 'writeup.discard',
};

/** 'text' when the activity is ordinary, 'card' when a card submit was translated, 'invalid' when its value is unreadable. */
export function applyCardSubmit(activity: Partial<Activity>): 'text' | 'card' | 'invalid' {
  if (activity.value === undefined || activity.value === null || (activity.text ?? '').trim() !== '') return 'text';
  const parsed = CardSubmit.safeParse(activity.value);
  if (!parsed.success) return 'invalid';
  activity.text = t(ACTION_TEXT[parsed.data.action]);
  return 'card';
}
