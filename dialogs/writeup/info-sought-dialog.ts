// Whether information about him was sought from other agencies, and whether he consented.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { InfoSought } from '../../records/model';
import { AGENCY_IDS, type AgencyId } from '../../records/practice-model';
import { t } from '../../prompts';
import { AGENCY_LABEL } from '../../prompts/labels';
import { SeenDialog } from '../base-dialog';
import { pickManyDialog, type PickState } from '../pick-many';
import { bag } from '../step-values';

/** Dialog id of the agencies dialog. */
export const INFO_SOUGHT_DIALOG = 'infoSought';
const MAIN = 'main';
const LOOP = 'agencyLoop';
const CHOICE = 'choice';

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
    this.addDialog(new WaterfallDialog(MAIN, [this.startLoop.bind(this), this.askConsent.bind(this), this.finish.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: run the agency loop from an empty list.
  private async startLoop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(LOOP, { picked: [] } satisfies PickState<AgencyId>);
  }

  // Step: his consent to contact his GP or other services.
  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
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
