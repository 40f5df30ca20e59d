// The contact itself: when, where, who was present, and whether he was seen or spoken to.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ContactDetails, SeenStatus } from '../../records/model';
import { parseContactDate } from '../../records/dates';
import { t } from '../../prompts';
import { SeenDialog } from '../base-dialog';
import { nonEmptyText } from '../validators';
import { bag } from '../step-values';

/** Dialog id of the contact dialog. */
export const CONTACT_DIALOG = 'contact';
const MAIN = 'main';
const DATE = 'date';
const TEXT = 'text';
const SEEN = 'seen';
const SEEN_ORDER: readonly SeenStatus[] = ['seen', 'spoken_to', 'not_seen'];

/** Asks for the contact's details and ends with a validated ContactDetails. */
export class ContactDialog extends SeenDialog {
  protected readonly where = t('writeup.whereContact');

  constructor(private readonly today: () => Date) {
    super(CONTACT_DIALOG);
    if (typeof today !== 'function') throw new TypeError('ContactDialog needs a clock');
    this.addDialog(new TextPrompt(DATE, async (p) => p.recognized.succeeded && parseContactDate(p.recognized.value ?? '', this.today()) !== undefined));
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(new ChoicePrompt(SEEN));
    this.addDialog(
      new WaterfallDialog(MAIN, [
        this.askDate.bind(this),
        this.askLocation.bind(this),
        this.askPresent.bind(this),
        this.askSeen.bind(this),
        this.askNotSeenReason.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = MAIN;
  }

  // Step: the date, read against today so "yesterday" works and future dates are refused.
  private async askDate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(DATE, { prompt: ChoiceFactory.suggestedAction(['today', 'yesterday'], t('writeup.askDate')), retryPrompt: t('writeup.retryDate') });
  }

  // Step: where the contact happened.
  private async askLocation(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<ContactDetails>(step).date = parseContactDate(String(step.result), this.today());
    return step.prompt(TEXT, { prompt: t('writeup.askLocation'), retryPrompt: t('common.empty') });
  }

  // Step: who was present.
  private async askPresent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<ContactDetails>(step).location = String(step.result).trim();
    return step.prompt(TEXT, { prompt: t('writeup.askPresent'), retryPrompt: t('common.empty') });
  }

  // Step: seen in person, spoken to, or not seen.
  private async askSeen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<ContactDetails>(step).present = String(step.result).trim();
    return step.prompt(SEEN, {
      prompt: t('writeup.askSeen'),
      choices: ChoiceFactory.toChoices([t('writeup.seenInPerson'), t('writeup.spokenTo'), t('writeup.notSeen')]),
      style: ListStyle.suggestedAction,
    });
  }

  // Step: only when he was not seen, ask why.
  private async askNotSeenReason(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<ContactDetails>(step).seenStatus = SEEN_ORDER[step.result.index];
    if (bag<ContactDetails>(step).seenStatus !== 'not_seen') return step.next(null);
    return step.prompt(TEXT, { prompt: t('writeup.askNotSeenReason') });
  }

  // Step: hand back the contact; when he was not seen, remind how to reach him next time.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const contact = ContactDetails.parse({ ...bag<ContactDetails>(step), notSeenReason: step.result === null ? null : String(step.result).trim() });
    if (contact.seenStatus === 'not_seen') await step.context.sendActivity(t('writeup.notSeenAdvice'));
    return step.endDialog(contact);
  }
}
