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
import { scoreScreen, screenFor, type Instrument } from '../../records/screens';
import { SCREEN_ITEMS } from './screen-items';
import { channelOf } from '../../views/channels';
import { SubstanceAnswer, substanceCard } from '../../views/cards/substance-card';
import { CardPrompt, promptCard, type CardReading } from '../card-prompt';
import { Frequency } from '../../records/substance-level';
import { t } from '../../prompts';
import { SeenDialog } from '../base-dialog';
import { nonEmptyText } from '../validators';
import { pickManyDialog, type PickState } from '../pick-many';
import { screenLoopDialog, type ScreenState } from './screen-loop';
import { FREQUENCY_OPTIONS, SIGN_OPTIONS, SKIPPED, SUBSTANCE_NAMES, firstScreenAnswer, recordSubstance, type DetailValues, type SignId, type SubstanceChoice } from './substance-options';
import { bag } from '../step-values';

/** Options to begin the details for one substance. */
export interface SubstanceDetailOptions {
  substance: SubstanceChoice;
  /** The other drug's name, when the substances card gave it. */
  name?: string;
}

/** What the substance card gives: the details, and the screen when every remaining item was answered. */
interface CardDetails { frequency: Frequency; amount: string; spend: string; signs: SignId[]; screen: ScreenResult | null }

const DETAIL = 'detail';
const SIGNS = 'signs';
const SCREEN = 'screen';
const TEXT = 'text';
const CHOICE = 'choice';
const CONFIRM = 'confirm';
const CARD = 'substanceDetailCard';
const SIGN_IDS = SIGN_OPTIONS.map((o) => o.id);

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
    this.addDialog(new CardPrompt(CARD, (value, ctx) => readDetails(value, ctx.instrument as Instrument | undefined)));
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
    const { substance, name } = step.options as SubstanceDetailOptions;
    if (substance !== 'other') return step.next(substance);
    if (name) return step.next(name);
    return step.prompt(TEXT, { prompt: t('substance.askOtherName') });
  }

  // Step: how often he uses it.
  private async askFrequency(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { substance } = step.options as SubstanceDetailOptions;
    const name = String(step.result).trim();
    const display = substance === 'other' ? name : t(SUBSTANCE_NAMES[substance]);
    Object.assign(bag<DetailValues>(step), { substance: name, display, amount: '', spend: '', signs: [] } satisfies DetailValues);
    if (channelOf(step.context.activity.channelId).cards) return this.askCard(step, name, display);
    return step.prompt(CHOICE, {
      prompt: t('substance.askFrequency', { substance: display }),
      choices: ChoiceFactory.toChoices(FREQUENCY_OPTIONS.map((o) => t(o.label))),
      style: ListStyle.suggestedAction,
    });
  }

  // The whole substance on one card: the frequency, amount, spend, signs, and the screen's items after the first.
  private async askCard(step: WaterfallStepContext, name: string, display: string): Promise<DialogTurnResult> {
    const instrument = screenFor(name);
    const items = instrument ? SCREEN_ITEMS[instrument].slice(1).map((item, i) => ({ id: `item${i + 2}`, question: t(item.question), options: item.options.map((o, k) => [String(k), t(o)] as const) })) : [];
    return promptCard(step, CARD, (q) => substanceCard({
      q, substance: display, frequencies: FREQUENCY_OPTIONS.map((o) => [o.id, t(o.label)] as const),
      amountHint: t(instrument === 'AUDIT-C' ? 'substance.amountHintAlcohol' : 'substance.amountHintDrug'), signs: SIGN_OPTIONS.map((o) => [o.id, t(o.label)] as const),
      ...(instrument ? { screen: { hint: t(instrument === 'AUDIT-C' ? 'guided.substanceAuditHint' : 'guided.substanceCuditHint'), items } } : {}),
    }), instrument ? { instrument } : {});
  }

  // Step: how much on a typical day; "never" means no use, so the substance ends here at level none. The card has said it all.
  private async askAmount(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DetailValues>(step) as DetailValues;
    if (!('index' in (step.result as object))) {
      const card = step.result as CardDetails;
      Object.assign(v, { frequency: card.frequency, amount: card.amount, spend: card.spend, signs: card.signs });
      return this.end(step, card.frequency === 'never' ? null : card.screen);
    }
    v.frequency = FREQUENCY_OPTIONS[(step.result as FoundChoice).index]!.id;
    if (v.frequency === 'never') return this.end(step, null);
    const alcohol = screenFor(v.substance) === 'AUDIT-C';
    const prompt = ChoiceFactory.suggestedAction([t('substance.notKnown')], alcohol ? t('substance.askAmountAlcohol') : t('substance.askAmount', { substance: v.display }));
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

  // Step: run the screen's items when the practitioner said yes; the first (how often) comes from the frequency already given.
  private async runScreen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DetailValues>(step) as DetailValues;
    const instrument = screenFor(v.substance);
    if (step.result !== true || !instrument) return step.next(null);
    const first = firstScreenAnswer(v.frequency);
    return step.beginDialog(SCREEN, { instrument, answers: first === undefined ? [] : [first] } satisfies ScreenState);
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

/** Reads the substance card: a frequency is needed; the screen counts only when all of its remaining items are answered. */
function readDetails(value: unknown, instrument: Instrument | undefined): CardReading<CardDetails> {
  const parsed = SubstanceAnswer.safeParse(value);
  if (!parsed.success) return { retry: t('common.badCard') };
  const a = parsed.data;
  const frequency = Frequency.safeParse(a.frequency);
  if (!frequency.success) return { retry: t('guided.substanceNeedsFrequency') };
  const signs = SIGN_IDS.filter((id) => (a.signs ?? '').split(',').includes(id));
  let screen: ScreenResult | null = null;
  if (instrument) {
    const items = SCREEN_ITEMS[instrument];
    const given = items.slice(1).map((item, i) => {
      const raw = a[`item${i + 2}`];
      const n = typeof raw === 'string' && /^\d$/.test(raw) ? Number(raw) : undefined;
      return n !== undefined && n < item.options.length ? n : undefined;
    });
    const first = firstScreenAnswer(frequency.data);
    const answered = given.filter((n) => n !== undefined).length;
    if (answered > 0 && (answered < given.length || first === undefined)) return { retry: t('guided.screenPartial') };
    if (answered > 0) screen = scoreScreen(instrument, [first!, ...(given as number[])]);
  }
  return { ok: { frequency: frequency.data, amount: a.amount, spend: a.spend, signs, screen } };
}
