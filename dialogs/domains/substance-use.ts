// The substance use domain: after his account, which substances he uses, then the details and level of each.
import { ChoicePrompt, DialogTurnResult, WaterfallDialog, WaterfallStep, WaterfallStepContext } from 'botbuilder-dialogs';
import { SubstanceEntry } from '../../records/model';
import { t } from '../../prompts';
import { DomainDialog, type DomainValues } from './domain-dialog';
import { pickManyDialog, type PickState } from '../pick-many';
import { SubstanceDetailDialog, type SubstanceDetailOptions } from './substance-detail';
import { NONE_SUBSTANCE, SUBSTANCE_OPTIONS, isSkipped, substancesMentioned, type SubstanceChoice } from './substance-options';
import { bag } from '../step-values';
import { channelOf } from '../../views/channels';
import { PickAnswer, pickCard } from '../../views/cards/pick-card';
import { textInput } from '../../views/cards/inputs';
import { CardPrompt, promptCard, type CardReading } from '../card-prompt';
import { DOMAIN_WORDING } from '../../prompts';

/** The substances picked on the card, and the other drug's name if one was typed. */
interface Picked { picked: SubstanceChoice[]; otherName?: string }

interface DetailsState {
  otherName?: string;
  queue: SubstanceChoice[];
  entries: SubstanceEntry[];
}

const PICK = 'pickSubstances';
const DETAILS = 'substanceDetails';
const DETAIL = 'substanceDetail';
const PICK_CHOICE = 'substanceChoice';
const PICK_CARD = 'substanceCard';
const IDS = SUBSTANCE_OPTIONS.map((o) => o.id) as [SubstanceChoice, ...SubstanceChoice[]];

/** Substance use (id `substance_use`): records a SubstanceEntry per substance in `values.substances`. */
export class SubstanceUseDialog extends DomainDialog {
  constructor() {
    super('substance_use');
    this.addDialog(new ChoicePrompt(PICK_CHOICE));
    this.addDialog(pickManyDialog({ id: PICK, choicePrompt: PICK_CHOICE, options: SUBSTANCE_OPTIONS, first: 'substance.askSubstances', more: 'substance.substancesMore', done: 'substance.done', none: 'substance.none' }));
    this.addDialog(new WaterfallDialog(DETAILS, [this.beginDetail.bind(this), this.keepDetail.bind(this)]));
    this.addDialog(new SubstanceDetailDialog(DETAIL));
    this.addDialog(new CardPrompt(PICK_CARD, readPicked));
  }

  protected override middleSteps(): WaterfallStep[] {
    return [this.askSubstances.bind(this), this.runDetails.bind(this), this.recordSubstances.bind(this)];
  }

  // Step: ask which substances he uses, with those his account names already picked (a card where cards show).
  private async askSubstances(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const mentioned = substancesMentioned((bag<DomainValues>(step) as DomainValues).account ?? '');
    if (!channelOf(step.context.activity.channelId).cards) return step.beginDialog(PICK, { picked: mentioned } satisfies PickState<SubstanceChoice>);
    const names = SUBSTANCE_OPTIONS.filter((o) => mentioned.includes(o.id)).map((o) => t(o.label)).join(', ');
    return promptCard(step, PICK_CARD, (q) => pickCard({
      q, title: DOMAIN_WORDING.substance_use.title, lines: mentioned.length ? [t('guided.substancesPreTicked', { names })] : [], label: t('guided.substancesTitle'),
      options: SUBSTANCE_OPTIONS.map((o) => [o.id, t(o.label)] as const), ticked: mentioned,
      extra: [textInput('otherName', t('substance.askOtherName'), { maxLength: 100 })],
      buttons: [[t('guided.next'), 'save'], [t('substance.none'), 'none']],
    }));
  }

  // Step: "he uses none" is recorded as such; otherwise walk the substances one by one.
  private async runDetails(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as SubstanceChoice[] | Picked;
    const picked = Array.isArray(answer) ? answer : answer.picked;
    const otherName = Array.isArray(answer) ? undefined : answer.otherName;
    if (picked.length === 0) {
      await step.context.sendActivity(t('substance.noneRecorded'));
      return step.next([SubstanceEntry.parse({ substance: NONE_SUBSTANCE, frequency: t('substance.freqNever'), level: 'none' })]);
    }
    return step.beginDialog(DETAILS, { queue: picked, entries: [], ...(otherName ? { otherName } : {}) } satisfies DetailsState);
  }

  // Step: store the entries and go on to the strengths.
  private async recordSubstances(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = bag<DomainValues>(step) as DomainValues;
    values.substances = step.result as SubstanceEntry[];
    return step.next();
  }

  // Step (details loop): the details of the next substance in the queue.
  private async beginDetail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue, otherName } = step.options as DetailsState;
    return step.beginDialog(DETAIL, { substance: queue[0]!, ...(queue[0] === 'other' && otherName ? { name: otherName } : {}) } satisfies SubstanceDetailOptions);
  }

  // Step (details loop): keep the entry and go on, or end with all entries; "not explored" inside skips the domain.
  private async keepDetail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isSkipped(step.result)) {
      await step.cancelAllDialogs();
      return this.onSkip(step);
    }
    const { queue, entries, otherName } = step.options as DetailsState;
    const next: DetailsState = { queue: queue.slice(1), entries: [...entries, step.result as SubstanceEntry], ...(otherName ? { otherName } : {}) };
    if (next.queue.length === 0) return step.endDialog(next.entries);
    return step.replaceDialog(DETAILS, next);
  }
}

/** Reads the substances card: "He uses none", or at least one ticked. */
function readPicked(value: unknown): CardReading<Picked> {
  const parsed = PickAnswer.safeParse(value);
  if (!parsed.success) return { retry: t('common.badCard') };
  if (parsed.data.choice === 'none') return { ok: { picked: [] } };
  const ticked = (parsed.data.picked ?? '').split(',').map((x) => x.trim());
  const picked = IDS.filter((id) => ticked.includes(id));
  if (picked.length === 0) return { retry: t('guided.substancesNeedPick') };
  const otherName = typeof parsed.data.otherName === 'string' ? parsed.data.otherName.trim().slice(0, 100) : '';
  return { ok: { picked, ...(otherName ? { otherName } : {}) } };
}
