// A multi-select card (substances, factors, agencies): tick boxes, some ticked already from what was typed, and extra inputs.
import { z } from 'zod';
import { answerBase, choiceInput, formCard, heading, note, submit, type CardChoice } from './inputs';
import type { ViewMessage } from '../message';

/** What a pick card submits: the ticked values ("a,b") and any extra inputs, read by the dialog that sent it. */
export const PickAnswer = z.object({ ...answerBase, picked: z.string().max(2_000).optional() }).catchall(z.unknown());

/** A pick card: heading, wording, the tick boxes (`ticked` already ticked), extra inputs, and its buttons as [title, choice]. */
export interface PickCardView {
  q: string;
  title: string;
  lines: readonly string[];
  label: string;
  options: readonly CardChoice[];
  ticked: readonly string[];
  extra?: readonly object[];
  buttons: readonly (readonly [title: string, choice: string])[];
}

/** Builds the pick card; the first button is the main one. */
export function pickCard(v: PickCardView): ViewMessage {
  const body = [heading(v.title), ...v.lines.map((l) => note(l)), choiceInput('picked', v.label, v.options, { multi: true, value: v.ticked.join(',') }), ...(v.extra ?? [])];
  return formCard(body, v.buttons.map(([title, choice], i) => submit(title, v.q, choice, i === 0 ? 'positive' : undefined)), v.title);
}
