// One substance he uses: how often, how much, spend, signs, an optional published screen, then the derived level.
import {
  ChoiceFactory,
  ChoicePrompt,
  ConfirmPrompt,
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
  FoundChoice,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ScreenResult } from '../../records/model';
import { screenFor } from '../../records/screens';
import { t } from '../../prompts';
import { SeenDialog } from '../base-dialog';
import { nonEmptyText } from '../validators';
import { pickManyDialog, type PickState } from '../pick-many';
import { screenLoopDialog, type ScreenState } from './screen-loop';
import { FREQUENCY_OPTIONS, SIGN_OPTIONS, SKIPPED, SUBSTANCE_NAMES, recordSubstance, type DetailValues, type SignId, type SubstanceChoice } from './substance-options';
import { bag } from '../step-values';

/** Options to begin the details for one substance. */
export interface SubstanceDetailOptions {
  substance: SubstanceChoice;
}

const DETAIL = 'detail';
const SIGNS = 'signs';
const SCREEN = 'screen';
const TEXT = 'text';
const CHOICE = 'choice';
const CONFIRM = 'confirm';

/** Asks the details of one substance and ends with its SubstanceEntry (or SKIPPED). */
export class SubstanceDetailDialog extends SeenDialog<SubstanceDetailOptions> {
  protected readonly where = t('substance.detailWhere');

  constructor(id = 'substance_detail') {
    super(id);
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(new ChoicePrompt(CHOICE));
    const confirm = new ConfirmPrompt(CONFIRM);
    confirm.style = ListStyle.suggestedAction;
    confirm.confirmChoices = [t('common.yes'), t('common.no')];
    this.addDialog(confirm);
    this.addDialog(pickManyDialog({ id: SIGNS, choicePrompt: CHOICE, options: SIGN_OPTIONS, first: 'substance.askSigns', more: 'substance.signsMore', done: 'substance.done', none: 'substance.signsNone' }));
    this.addDialog(screenLoopDialog(SCREEN, CHOICE));
    this.addDialog(
      new WaterfallDialog(DETAIL, [
        this.askName.bind(this),
        this.askFrequency.bind(this),
        this.askAmount.bind(this),
        this.askSpend.bind(this),
        this.askSigns.bind(this),
        this.offerScreen.bind(this),
        this.runScreen.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = DETAIL;
  }

  protected override helpText(): string {
    return t('substance.detailHelp');
  }

  // "Not explored" here ends the details with SKIPPED; the domain dialog then asks why.
  protected override async onSkip(_inner: DialogContext): Promise<DialogTurnResult> {
    return { status: DialogTurnStatus.complete, result: SKIPPED };
  }

  // Step: a named substance goes straight on; "another drug" asks which.
  private async askName(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { substance } = step.options as SubstanceDetailOptions;
    if (substance !== 'other') return step.next(substance);
    return step.prompt(TEXT, { prompt: t('substance.askOtherName') });
  }

  // Step: how often he uses it.
  private async askFrequency(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { substance } = step.options as SubstanceDetailOptions;
    const name = String(step.result).trim();
    const display = substance === 'other' ? name : t(SUBSTANCE_NAMES[substance]);
    Object.assign(bag<DetailValues>(step), { substance: name, display, amount: '', spend: '', signs: [] } satisfies DetailValues);
    return step.prompt(CHOICE, {
      prompt: t('substance.askFrequency', { substance: display }),
      choices: ChoiceFactory.toChoices(FREQUENCY_OPTIONS.map((o) => t(o.label))),
      style: ListStyle.suggestedAction,
    });
  }

  // Step: how much on a typical day; "never" means no use, so the substance ends here at level none.
  private async askAmount(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DetailValues>(step) as DetailValues;
    v.frequency = FREQUENCY_OPTIONS[(step.result as FoundChoice).index]!.id;
    if (v.frequency === 'never') return this.end(step, null);
    const prompt = ChoiceFactory.suggestedAction([t('substance.notKnown')], t('substance.askAmount', { substance: v.display }));
    return step.prompt(TEXT, { prompt });
  }

  // Step: roughly what he spends; spend can establish a level where the amount is unclear.
  private async askSpend(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DetailValues>(step) as DetailValues;
    v.amount = String(step.result).trim();
    const prompt = ChoiceFactory.suggestedAction([t('substance.notKnown')], t('substance.askSpend', { substance: v.display }));
    return step.prompt(TEXT, { prompt });
  }

  // Step: heavy sessions, signs of dependence and harms, picked one by one.
  private async askSigns(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DetailValues>(step) as DetailValues;
    v.spend = String(step.result).trim();
    return step.beginDialog(SIGNS, { picked: [], vars: { substance: v.display } } satisfies PickState<SignId>);
  }

  // Step: offer the published screen that fits (AUDIT-C for alcohol, CUDIT-R for cannabis), if any.
  private async offerScreen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DetailValues>(step) as DetailValues;
    v.signs = step.result as SignId[];
    const instrument = screenFor(v.substance);
    if (!instrument) return step.next(false);
    return step.prompt(CONFIRM, { prompt: t(instrument === 'AUDIT-C' ? 'substance.offerAuditC' : 'substance.offerCuditR') });
  }

  // Step: run the screen's items when the practitioner said yes.
  private async runScreen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const instrument = screenFor((bag<DetailValues>(step) as DetailValues).substance);
    if (step.result !== true || !instrument) return step.next(null);
    return step.beginDialog(SCREEN, { instrument, answers: [] } satisfies ScreenState);
  }

  // Step: derive the level (with the screen, if run) and end with the entry.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.end(step, (step.result as ScreenResult | null) ?? null);
  }

  // Tells the practitioner the level recorded (never a label on him) and ends with the entry.
  private async end(step: WaterfallStepContext, screen: ScreenResult | null): Promise<DialogTurnResult> {
    const { entry, message } = recordSubstance(bag<DetailValues>(step) as DetailValues, screen);
    await step.context.sendActivity(message);
    return step.endDialog(entry);
  }
}
