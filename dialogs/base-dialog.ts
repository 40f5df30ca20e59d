// The shared base for every Seen dialog: help, cancel, "not explored" and input limits handled once, here.
import { ComponentDialog, Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ActivityTypes } from 'botbuilder';
import { MAX_TEXT } from '../records/model';
import { codePointLength } from '../records/text';
import { t } from '../prompts';
import { globalCommand } from './commands';

/** A component dialog that answers help/cancel/skip itself when it is the innermost Seen dialog. */
export abstract class SeenDialog<O extends object = {}> extends ComponentDialog<O> {
  /** What this dialog is about, named in contextual help ("You are in the middle of: …"). */
  protected abstract readonly where: string;

  /** Extra, topic-specific help shown after the generic line. */
  protected helpText(): string | undefined {
    return undefined;
  }

  /** What "not explored" does here; undefined means this dialog cannot be skipped. */
  protected onSkip?(inner: DialogContext): Promise<DialogTurnResult>;

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
      await inner.cancelAllDialogs();
      return this.onSkip(inner);
    }
    return super.onContinueDialog(inner);
  }

  // True when the active child is itself a container (a Seen dialog or a walk of them), which then handles interruptions.
  private childIsContainer(inner: DialogContext): boolean {
    const active = inner.activeDialog;
    return active !== undefined && inner.findDialog(active.id) instanceof ComponentDialog;
  }
}
