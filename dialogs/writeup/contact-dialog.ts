// The contact itself: when, where, who was present, and whether he was seen or spoken to.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ContactDetails, SeenStatus } from '../../records/model';
import { isoDay, longDay, parseContactDate } from '../../records/dates';
import { channelOf } from '../../views/channels';
import { ContactAnswer, contactCard } from '../../views/cards/contact-card';
import { CardPrompt, promptCard, type CardReading } from '../card-prompt';
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
const CARD = 'contactCard';
/** Who the write-up is about, so "present: Dan" can stand for "seen". */
export interface ContactOptions { manName?: string }
const SEEN_ORDER: readonly SeenStatus[] = ['seen', 'spoken_to', 'not_seen'];

/** Asks for the contact's details and ends with a validated ContactDetails. */
export class ContactDialog extends SeenDialog<ContactOptions> {
  protected readonly where = t('writeup.whereContact');

  constructor(private readonly today: () => Date) {
    super(CONTACT_DIALOG);
    if (typeof today !== 'function') throw new TypeError('ContactDialog needs a clock');
    this.addDialog(new TextPrompt(DATE, async (p) => p.recognized.succeeded && parseContactDate(p.recognized.value ?? '', this.today()) !== undefined));
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(new ChoicePrompt(SEEN));
    this.addDialog(new CardPrompt(CARD, (value, ctx) => this.readCard(value, String(ctx.manName ?? ''))));
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

  // Step: where cards show, the whole contact on one card; otherwise the date, read against today so "yesterday" works and future dates are refused.
  private async askDate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (channelOf(step.context.activity.channelId).cards) {
      return promptCard(step, CARD, (q) => contactCard(q, isoDay(this.today())), { manName: (step.options as ContactOptions | undefined)?.manName ?? '' });
    }
    const days = ['today', 'yesterday'];
    return step.prompt(DATE, { prompt: ChoiceFactory.suggestedAction(days, t('writeup.askDate')), retryPrompt: ChoiceFactory.suggestedAction(days, t('writeup.retryDate')) });
  }

  // Step: the card's contact is complete; otherwise show the date back and ask where the contact happened.
  private async askLocation(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (typeof step.result === 'object' && step.result !== null) return this.end(step, step.result as ContactDetails);
    const date = (bag<ContactDetails>(step).date = parseContactDate(String(step.result), this.today())!);
    await step.context.sendActivity(t('guided.dateRead', { date: longDay(date) }));
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

  // Step: hand back the contact.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.end(step, ContactDetails.parse({ ...bag<ContactDetails>(step), notSeenReason: step.result === null ? null : String(step.result).trim() }));
  }

  // Ends with the contact; when he was not seen, reminds how to reach him next time.
  private async end(step: WaterfallStepContext, contact: ContactDetails): Promise<DialogTurnResult> {
    if (contact.seenStatus === 'not_seen') await step.context.sendActivity(t('writeup.notSeenAdvice'));
    return step.endDialog(contact);
  }

  // Reads the contact card: a date not in the future, where and who; "seen" may be left blank when he is named as present.
  private readCard(value: unknown, manName: string): CardReading<ContactDetails> {
    const parsed = ContactAnswer.safeParse(value);
    if (!parsed.success) return { retry: t('common.badCard') };
    const a = parsed.data;
    const date = parseContactDate(a.date ?? '', this.today());
    if (!date || !a.location || !a.present) return { retry: t('guided.contactNeedsFields') };
    const first = manName.split(/\s+/)[0] ?? '';
    const named = first.length > 1 && new RegExp(`\\b${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(a.present);
    const seenStatus = a.seen || (named ? 'seen' : undefined);
    if (!seenStatus) return { retry: t('guided.contactNeedsSeen') };
    const notSeenReason = seenStatus === 'not_seen' ? a.notSeenReason || null : null;
    return { ok: ContactDetails.parse({ date, location: a.location, present: a.present, seenStatus, notSeenReason }) };
  }
}
