// The shared base for every Seen dialog: help, cancel, "not explored" and input limits handled once, here.
import { ComponentDialog, Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ActivityTypes } from 'botbuilder';
import { MAX_TEXT } from '../records/model';
import { codePointLength } from '../records/text';
import { t } from '../prompts';
import { globalCommand } from './commands';
import { answeredQuestion, expectedQuestion } from './card-prompt';

/** A component dialog that answers help/cancel/skip itself when it is the innermost Seen dialog. */
export abstract class SeenDialog<O extends object = {}> extends ComponentDialog<O> {
  /** What this dialog is about, named in contextual help ("You are in the middle of: …"). */
  protected abstract readonly where: string;

  /** Extra, topic-specific help shown after the generic line. */
  protected helpText(): string | undefined {
    return undefined;
  }

  /** What "not explored" does here; undefined means this dialog cannot be skipped. */
  protected onSkip?(inner: DialogContext, kept?: unknown): Promise<DialogTurnResult>;

  /** What "not explored" should keep from the dialog it cancels (read before the cancel); nothing by default. */
  protected keptOnSkip(_inner: DialogContext): unknown {
    return undefined;
  }

  // Interrupts before the active step sees the message, but only at the innermost Seen dialog.
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    if (this.childIsContainer(inner) || inner.context.activity.type !== ActivityTypes.Message) return super.onContinueDialog(inner);
    const text = inner.context.activity.text ?? '';
    const length = codePointLength(text);
    if (length > MAX_TEXT) {
      await inner.context.sendActivity(t('common.tooLong', { length, max: MAX_TEXT }));
      await inner.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // Why: a card answer names its question; one from a stale card or a second tab must not land under the current question.
    const answered = answeredQuestion(inner.context.activity);
    if (answered !== undefined && answered !== expectedQuestion(inner.activeDialog?.state?.options)) {
      await inner.context.sendActivity(t('guided.earlierQuestion'));
      await inner.repromptDialog();
      return Dialog.EndOfTurn;
    }
    const command = globalCommand(text);
    if (command === 'cancel') {
      await inner.context.sendActivity(t('common.cancelled'));
      return inner.cancelAllDialogs(true);
    }
    if (command === 'help') {
      const extra = this.helpText();
      await inner.context.sendActivity([t('common.helpInDialog', { where: this.where }), extra].filter(Boolean).join('\n\n'));
      await inner.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (command === 'skip' && this.onSkip) {
      const kept = this.keptOnSkip(inner);
      await inner.cancelAllDialogs();
      return this.onSkip(inner, kept);
    }
    return super.onContinueDialog(inner);
  }

  // True when the active child is itself a container (a Seen dialog or a walk of them), which then handles interruptions.
  private childIsContainer(inner: DialogContext): boolean {
    const active = inner.activeDialog;
    return active !== undefined && inner.findDialog(active.id) instanceof ComponentDialog;
  }
}
