// The practitioner's own feelings about seeing him, with a joint visit suggested where they are anxious.
import { ConfirmPrompt, DialogTurnResult, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Reflection } from '../../records/model';
import { t } from '../../prompts';
import { SeenDialog } from '../base-dialog';
import { bag } from '../step-values';

/** Dialog id of the reflection dialog. */
export const REFLECTION_DIALOG = 'reflection';
const MAIN = 'main';
const CONFIRM = 'confirm';

/** What the reflection hands back: the record, and whether to add a joint visit to the actions. */
export interface ReflectionOutcome { reflection: Reflection; addJointVisit: boolean }

/** Asks whether they felt anxious; where they did, suggests a joint visit. */
export class ReflectionDialog extends SeenDialog {
  protected readonly where = t('writeup.whereReflection');

  constructor() {
    super(REFLECTION_DIALOG);
    this.addDialog(Object.assign(new ConfirmPrompt(CONFIRM), { style: ListStyle.suggestedAction }));
    this.addDialog(new WaterfallDialog(MAIN, [this.askAnxious.bind(this), this.suggestJointVisit.bind(this), this.finish.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: their own anxiety or fear counts, so ask directly.
  private async askAnxious(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CONFIRM, { prompt: t('writeup.askAnxious') });
  }

  // Step: where they were anxious, suggest a joint visit and offer to add it to the actions.
  private async suggestJointVisit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (bag<{ anxious?: boolean }>(step) as { anxious?: boolean }).anxious = step.result === true;
    if (step.result !== true) return step.next(false);
    return step.prompt(CONFIRM, { prompt: t('writeup.jointVisitSuggestion') });
  }

  // Step: hand back the reflection.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const anxious = (bag<{ anxious: boolean }>(step) as { anxious: boolean }).anxious;
    const reflection = Reflection.parse({ anxious, jointVisitSuggested: anxious });
    return step.endDialog({ reflection, addJointVisit: step.result === true } satisfies ReflectionOutcome);
  }
}
