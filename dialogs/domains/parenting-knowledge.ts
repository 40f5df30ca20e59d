// The parenting knowledge domain: after his account, which crying messages were discussed with him, with a reminder of the rest.
import { ChoicePrompt, DialogTurnResult, WaterfallStep, WaterfallStepContext } from 'botbuilder-dialogs';
import { CRYING_MESSAGE_IDS, type CryingMessageId } from '../../records/practice-model';
import { t } from '../../prompts';
import { DomainDialog, type DomainValues } from './domain-dialog';
import { pickManyDialog, type PickOption, type PickState } from '../pick-many';
import { bag } from '../step-values';
import type { CardChoice } from '../../views/cards/inputs';

/** The four crying messages as buttons, in the practice model's order. */
export const CRYING_OPTIONS: readonly PickOption<CryingMessageId>[] = [
  { id: 'crying_normal', label: 'parenting.cryingNormal' },
  { id: 'comforting_helps', label: 'parenting.comfortingHelps' },
  { id: 'ok_to_walk_away', label: 'parenting.okToWalkAway' },
  { id: 'never_shake', label: 'parenting.neverShake' },
];

const CRYING = 'cryingMessages';
const CRYING_CHOICE = 'cryingChoice';

/** Parenting knowledge (id `parenting_knowledge`): records the crying messages discussed in `values.cryingMessages`. */
export class ParentingKnowledgeDialog extends DomainDialog {
  constructor() {
    super('parenting_knowledge');
    this.addDialog(new ChoicePrompt(CRYING_CHOICE));
    this.addDialog(pickManyDialog({ id: CRYING, choicePrompt: CRYING_CHOICE, options: CRYING_OPTIONS, first: 'parenting.askCrying', more: 'parenting.cryingMore', done: 'parenting.done', none: 'parenting.none' }));
  }

  protected override middleSteps(): WaterfallStep[] {
    return [this.askCrying.bind(this), this.recordCrying.bind(this)];
  }

  // The topic card ticks the crying messages itself.
  protected override cardCrying(): readonly CardChoice[] {
    return CRYING_OPTIONS.map((o) => [o.id, t(o.label)] as const);
  }

  // Step: ask which crying messages were discussed with him, unless the topic card has ticked them.
  private async askCrying(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = bag<DomainValues>(step) as DomainValues;
    if (values.fromCard) return step.next(values.cryingMessages ?? []);
    return step.beginDialog(CRYING, { picked: [] } satisfies PickState<CryingMessageId>);
  }

  // Step: record them in the model's order; remind the practitioner of any not discussed, then go on.
  private async recordCrying(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = bag<DomainValues>(step) as DomainValues;
    const picked = step.result as CryingMessageId[];
    values.cryingMessages = CRYING_MESSAGE_IDS.filter((id) => picked.includes(id));
    const missing = CRYING_OPTIONS.filter((o) => !picked.includes(o.id)).map((o) => t(o.label));
    if (missing.length > 0) await step.context.sendActivity(t('parenting.cryingReminder', { messages: missing.join('\n- ') }));
    return step.next();
  }
}
