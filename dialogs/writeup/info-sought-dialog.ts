// Whether information about him was sought from other agencies, and whether he consented.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { InfoSought } from '../../records/model';
import { AGENCY_IDS, type AgencyId } from '../../records/practice-model';
import { t } from '../../prompts';
import { AGENCY_LABEL } from '../../prompts/labels';
import { SeenDialog } from '../base-dialog';

/** Dialog id of the agencies dialog. */
export const INFO_SOUGHT_DIALOG = 'infoSought';
const MAIN = 'main';
const LOOP = 'agencyLoop';
const CHOICE = 'choice';
interface LoopOptions { agencies: AgencyId[] }

/** Collects the agencies asked (a pick-each-then-done loop) and his consent. */
export class InfoSoughtDialog extends SeenDialog {
  protected readonly where = t('writeup.whereAgencies');

  constructor() {
    super(INFO_SOUGHT_DIALOG);
    this.addDialog(new ChoicePrompt(CHOICE));
    this.addDialog(new WaterfallDialog(LOOP, [this.askAgency.bind(this), this.recordAgency.bind(this)]));
    this.addDialog(new WaterfallDialog(MAIN, [this.startLoop.bind(this), this.askConsent.bind(this), this.finish.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: run the agency loop from an empty list.
  private async startLoop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(LOOP, { agencies: [] } satisfies LoopOptions);
  }

  // Loop step: offer the agencies not yet picked, plus done / none.
  private async askAgency(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { agencies } = step.options as LoopOptions;
    const remaining = AGENCY_IDS.filter((a) => !agencies.includes(a)).map((a) => t(AGENCY_LABEL[a]));
    const closing = agencies.length === 0 ? t('writeup.agencyNone') : t('writeup.agencyDone');
    const prompt = agencies.length === 0 ? t('writeup.askInfoSought') : t('writeup.agencyPicked', { agencies: agencies.map((a) => t(AGENCY_LABEL[a])).join(', ') });
    return step.prompt(CHOICE, { prompt, choices: ChoiceFactory.toChoices([...remaining, closing]), style: ListStyle.suggestedAction });
  }

  // Loop step: add the agency and go round again, or end the loop with the list.
  private async recordAgency(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { agencies } = step.options as LoopOptions;
    const picked = AGENCY_IDS.find((a) => t(AGENCY_LABEL[a]) === step.result.value);
    if (!picked) return step.endDialog(agencies);
    return step.replaceDialog(LOOP, { agencies: [...agencies, picked] } satisfies LoopOptions);
  }

  // Step: his consent to contact his GP or other services.
  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as LoopOptions).agencies = step.result as AgencyId[];
    return step.prompt(CHOICE, {
      prompt: t('writeup.askConsent'),
      choices: ChoiceFactory.toChoices([t('common.yes'), t('common.no'), t('writeup.consentNotAsked')]),
      style: ListStyle.suggestedAction,
    });
  }

  // Step: hand back what was sought.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const consentGiven = [true, false, null][step.result.index as number] ?? null;
    return step.endDialog(InfoSought.parse({ agencies: (step.values as LoopOptions).agencies, consentGiven }));
  }
}
