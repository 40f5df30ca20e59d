// Whether information about him was sought from other agencies, and whether he consented.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { InfoSought } from '../../records/model';
import { AGENCY_IDS, type AgencyId } from '../../records/practice-model';
import { t } from '../../prompts';
import { AGENCY_LABEL } from '../../prompts/labels';
import { SeenDialog } from '../base-dialog';
import { pickManyDialog, type PickState } from '../pick-many';
import { bag } from '../step-values';
import { channelOf } from '../../views/channels';
import { PickAnswer, pickCard } from '../../views/cards/pick-card';
import { choiceInput } from '../../views/cards/inputs';
import { CardPrompt, promptCard, type CardReading } from '../card-prompt';

/** Dialog id of the agencies dialog. */
export const INFO_SOUGHT_DIALOG = 'infoSought';
const MAIN = 'main';
const LOOP = 'agencyLoop';
const CHOICE = 'choice';
const CARD = 'agenciesCard';
const CONSENT = { yes: true, no: false, not_asked: null } as const;

/** Collects the agencies asked (the shared pick-each-then-done loop) and his consent. */
export class InfoSoughtDialog extends SeenDialog {
  protected readonly where = t('writeup.whereAgencies');

  constructor() {
    super(INFO_SOUGHT_DIALOG);
    this.addDialog(new ChoicePrompt(CHOICE));
    this.addDialog(pickManyDialog({
      id: LOOP, choicePrompt: CHOICE, options: AGENCY_IDS.map((id) => ({ id, label: AGENCY_LABEL[id] })),
      first: 'writeup.askInfoSought', more: 'writeup.agencyPicked', done: 'writeup.agencyDone', none: 'writeup.agencyNone',
    }));
    this.addDialog(new CardPrompt(CARD, readAgencies));
    this.addDialog(new WaterfallDialog(MAIN, [this.startLoop.bind(this), this.askConsent.bind(this), this.finish.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: agencies and consent on one card where cards show; otherwise the agency loop from an empty list.
  private async startLoop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (channelOf(step.context.activity.channelId).cards) {
      const consent = choiceInput('consent', t('guided.agenciesConsent'), [['yes', t('common.yes')], ['no', t('common.no')], ['not_asked', t('writeup.consentNotAsked')]], { value: 'not_asked' });
      return promptCard(step, CARD, (q) => pickCard({
        q, title: t('guided.agenciesTitle'), lines: [], label: t('guided.agenciesPick'), options: AGENCY_IDS.map((id) => [id, t(AGENCY_LABEL[id])] as const), ticked: [],
        extra: [consent], buttons: [[t('guided.next'), 'save']],
      }));
    }
    return step.beginDialog(LOOP, { picked: [] } satisfies PickState<AgencyId>);
  }

  // Step: his consent to contact his GP or other services (the card has given both).
  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!Array.isArray(step.result)) return step.endDialog(step.result as InfoSought);
    (bag<{ agencies: AgencyId[] }>(step) as { agencies: AgencyId[] }).agencies = step.result as AgencyId[];
    return step.prompt(CHOICE, {
      prompt: t('writeup.askConsent'),
      choices: ChoiceFactory.toChoices([t('common.yes'), t('common.no'), t('writeup.consentNotAsked')]),
      style: ListStyle.suggestedAction,
    });
  }

  // Step: hand back what was sought.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const consentGiven = [true, false, null][step.result.index as number] ?? null;
    return step.endDialog(InfoSought.parse({ agencies: (bag<{ agencies: AgencyId[] }>(step) as { agencies: AgencyId[] }).agencies, consentGiven }));
  }
}

/** Reads the agencies card: the agencies ticked and his consent. */
function readAgencies(value: unknown): CardReading<InfoSought> {
  const parsed = PickAnswer.safeParse(value);
  if (!parsed.success) return { retry: t('common.badCard') };
  const ticked = (parsed.data.picked ?? '').split(',').map((x) => x.trim());
  const consent = parsed.data.consent;
  const consentGiven = typeof consent === 'string' && Object.hasOwn(CONSENT, consent) ? CONSENT[consent as keyof typeof CONSENT] : null;
  return { ok: InfoSought.parse({ agencies: AGENCY_IDS.filter((a) => ticked.includes(a)), consentGiven }) };
}
