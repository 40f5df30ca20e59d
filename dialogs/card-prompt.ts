// A prompt answered by an Adaptive Card: the card carries a question id, and its submission is read with the card's own zod schema.
import { randomUUID } from 'node:crypto';
import { Prompt, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Activity, TurnContext } from 'botbuilder';
import { t } from '../prompts';

/** What a card's reader makes of a submission: the answer, or the wording to ask again with. */
export type CardReading<T> = { ok: T } | { retry: string };

/** The question id an activity answers, when it is a card answer (or a review button) that names one. */
export function answeredQuestion(activity: Partial<Activity>): string | undefined {
  const value = activity.value as { q?: unknown } | undefined;
  return value !== null && typeof value === 'object' && typeof value.q === 'string' ? value.q : undefined;
}

/** The question id the prompt waiting in this dialog state expects, if it is a card prompt. */
export function expectedQuestion(options: unknown): string | undefined {
  const q = (options as { validations?: { q?: unknown } } | undefined)?.validations?.q;
  return typeof q === 'string' ? q : undefined;
}

/** A fresh question id for a card (short, random, safe in card data). */
export function newQuestionId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 16);
}

/** Sends the card `build(q)` makes for a fresh question id and waits for that card's answer; `context` is kept for the reader. */
export function promptCard(step: WaterfallStepContext, promptId: string, build: (q: string) => Partial<Activity>, context: Record<string, unknown> = {}): Promise<DialogTurnResult> {
  const q = newQuestionId();
  return step.prompt(promptId, { prompt: build(q), validations: { ...context, q } } satisfies PromptOptions);
}

/** Waits for the submission of the card it sent; text typed instead, or an unreadable card, gets the reader's wording and waits on. */
export class CardPrompt<T> extends Prompt<T> {
  constructor(
    dialogId: string,
    private readonly read: (value: unknown, context: Record<string, unknown>) => CardReading<T>,
    /** Where typed words may answer too (the review's Confirm / Discard buttons); by default text is refused. */
    private readonly readText?: (text: string) => CardReading<T>,
  ) {
    super(dialogId);
  }

  // Sends the card (first time and on reprompt); a retry sends only the words saying what is missing.
  protected async onPrompt(context: TurnContext, state: { retry?: string }, options: PromptOptions, isRetry: boolean): Promise<void> {
    // Why `||`: an empty retry means "use the prompt's own retry" (it keeps its buttons).
    if (isRetry) await context.sendActivity(state.retry || (options.retryPrompt as Partial<Activity> | undefined) || t('guided.answerCard'));
    else if (options.prompt) await context.sendActivity(options.prompt as Partial<Activity>);
  }

  // Reads the card's fields; the question id was already checked by the base dialog.
  protected async onRecognize(context: TurnContext, state: { retry?: string }, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    const value = context.activity.value;
    const typed = value === undefined || value === null;
    if (typed && !this.readText) {
      state.retry = t('guided.answerCard');
      return { succeeded: false };
    }
    const reading = typed ? this.readText!(context.activity.text ?? '') : this.read(value, (options.validations ?? {}) as Record<string, unknown>);
    if ('ok' in reading) return { succeeded: true, value: reading.ok };
    state.retry = reading.retry;
    return { succeeded: false };
  }
}
