// Which of the six combining factors are recorded for him; the practitioner decides, Seen only names the combination.
import { ChoicePrompt, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { FACTOR_IDS, FACTORS_COMBINE_THRESHOLD, type FactorId } from '../../records/practice-model';
import { t, type PromptKey } from '../../prompts';
import { SeenDialog } from '../base-dialog';
import { pickManyDialog, type PickState } from '../pick-many';
import { channelOf } from '../../views/channels';
import { PickAnswer, pickCard } from '../../views/cards/pick-card';
import { CardPrompt, promptCard, type CardReading } from '../card-prompt';

/** Dialog id of the factors step. */
export const FACTORS_DIALOG = 'factors';
/** Factors already found (by the notes analysis, or a recorded level of substance misuse), offered as picked. */
export interface FactorsOptions { suggested: FactorId[] }
const MAIN = 'main';
const LOOP = 'factorLoop';
const CHOICE = 'choice';
const CARD = 'factorsCard';
/** Short button labels; the summary uses the full wording in prompts/summary.ts. */
const BUTTON: Readonly<Record<FactorId, PromptKey>> = {
  childhood_adversity: 'writeup.factorChildhood',
  anger_frustration: 'writeup.factorAnger',
  substance_misuse: 'writeup.factorSubstance',
  domestic_abuse: 'writeup.factorDomesticAbuse',
  external_pressures: 'writeup.factorPressures',
  mental_ill_health: 'writeup.factorMentalHealth',
};

/** Asks which factors are recorded for him, current or past, and says so when three or more combine. */
export class FactorsDialog extends SeenDialog<FactorsOptions> {
  protected readonly where = t('writeup.whereFactors');

  constructor() {
    super(FACTORS_DIALOG);
    this.addDialog(new ChoicePrompt(CHOICE));
    this.addDialog(pickManyDialog({
      id: LOOP, choicePrompt: CHOICE, options: FACTOR_IDS.map((id) => ({ id, label: BUTTON[id] })),
      first: 'writeup.askFactors', more: 'writeup.factorsMore', done: 'writeup.factorsDone', none: 'writeup.factorsNone', remove: 'guided.factorsRemove',
    }));
    this.addDialog(new CardPrompt(CARD, readFactors));
    this.addDialog(new WaterfallDialog(MAIN, [this.startLoop.bind(this), this.finish.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: tick boxes (a card) or the loop, starting from what is already known about him; either way the intro says it is not a score.
  private async startLoop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { suggested } = (step.options as FactorsOptions | undefined) ?? { suggested: [] };
    const picked = FACTOR_IDS.filter((f) => suggested.includes(f));
    const names = picked.map((f) => t(BUTTON[f])).join(', ');
    if (channelOf(step.context.activity.channelId).cards) {
      return promptCard(step, CARD, (q) => pickCard({
        q, title: t('guided.factorsTitle'), lines: [t('guided.factorsIntro'), ...(picked.length ? [t('guided.factorsPreTicked', { names })] : [])], label: t('guided.factorsLabel'),
        options: FACTOR_IDS.map((id) => [id, t(BUTTON[id])] as const), ticked: picked, buttons: [[t('guided.next'), 'save']],
      }));
    }
    if (picked.length) await step.context.sendActivity(t('guided.factorsIntro'));
    return step.beginDialog(LOOP, { picked } satisfies PickState<FactorId>);
  }

  // Step: name the combination (never a score) and hand the factors back in the model's order.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const factors = FACTOR_IDS.filter((f) => (step.result as FactorId[]).includes(f));
    if (factors.length >= FACTORS_COMBINE_THRESHOLD) await step.context.sendActivity(t('writeup.factorsCombine'));
    return step.endDialog(factors);
  }
}

/** Reads the factors card: the ticked factors (none ticked: none recorded). */
function readFactors(value: unknown): CardReading<FactorId[]> {
  const parsed = PickAnswer.safeParse(value);
  if (!parsed.success) return { retry: t('common.badCard') };
  const ticked = (parsed.data.picked ?? '').split(',').map((x) => x.trim());
  return { ok: FACTOR_IDS.filter((f) => ticked.includes(f)) };
}
