// The substance use domain: after his account, which substances he uses, then the details and level of each.
import { ChoicePrompt, DialogTurnResult, WaterfallDialog, WaterfallStep, WaterfallStepContext } from 'botbuilder-dialogs';
import { SubstanceEntry } from '../../records/model';
import { t } from '../../prompts';
import { DomainDialog, type DomainValues } from './domain-dialog';
import { pickManyDialog, type PickState } from '../pick-many';
import { SubstanceDetailDialog, type SubstanceDetailOptions } from './substance-detail';
import { NONE_SUBSTANCE, SUBSTANCE_OPTIONS, isSkipped, type SubstanceChoice } from './substance-options';
import { bag } from '../step-values';

interface DetailsState {
  queue: SubstanceChoice[];
  entries: SubstanceEntry[];
}

const PICK = 'pickSubstances';
const DETAILS = 'substanceDetails';
const DETAIL = 'substanceDetail';
const PICK_CHOICE = 'substanceChoice';

/** Substance use (id `substance_use`): records a SubstanceEntry per substance in `values.substances`. */
export class SubstanceUseDialog extends DomainDialog {
  constructor() {
    super('substance_use');
    this.addDialog(new ChoicePrompt(PICK_CHOICE));
    this.addDialog(pickManyDialog({ id: PICK, choicePrompt: PICK_CHOICE, options: SUBSTANCE_OPTIONS, first: 'substance.askSubstances', more: 'substance.substancesMore', done: 'substance.done', none: 'substance.none' }));
    this.addDialog(new WaterfallDialog(DETAILS, [this.beginDetail.bind(this), this.keepDetail.bind(this)]));
    this.addDialog(new SubstanceDetailDialog(DETAIL));
  }

  protected override middleSteps(): WaterfallStep[] {
    return [this.askSubstances.bind(this), this.runDetails.bind(this), this.recordSubstances.bind(this)];
  }

  // Step: ask which substances he uses.
  private async askSubstances(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(PICK, { picked: [] } satisfies PickState<SubstanceChoice>);
  }

  // Step: "he uses none" is recorded as such; otherwise walk the substances one by one.
  private async runDetails(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = step.result as SubstanceChoice[];
    if (picked.length === 0) {
      await step.context.sendActivity(t('substance.noneRecorded'));
      return step.next([SubstanceEntry.parse({ substance: NONE_SUBSTANCE, frequency: t('substance.freqNever'), level: 'none' })]);
    }
    return step.beginDialog(DETAILS, { queue: picked, entries: [] } satisfies DetailsState);
  }

  // Step: store the entries and go on to the strengths.
  private async recordSubstances(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = bag<DomainValues>(step) as DomainValues;
    values.substances = step.result as SubstanceEntry[];
    return step.next();
  }

  // Step (details loop): the details of the next substance in the queue.
  private async beginDetail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue } = step.options as DetailsState;
    return step.beginDialog(DETAIL, { substance: queue[0]! } satisfies SubstanceDetailOptions);
  }

  // Step (details loop): keep the entry and go on, or end with all entries; "not explored" inside skips the domain.
  private async keepDetail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isSkipped(step.result)) {
      await step.cancelAllDialogs();
      return this.onSkip(step);
    }
    const { queue, entries } = step.options as DetailsState;
    const next: DetailsState = { queue: queue.slice(1), entries: [...entries, step.result as SubstanceEntry] };
    if (next.queue.length === 0) return step.endDialog(next.entries);
    return step.replaceDialog(DETAILS, next);
  }
}
