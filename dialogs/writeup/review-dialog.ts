// The review: the whole summary on one card (or as text), then confirm to save, discard, or change one part and come back.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, WaterfallDialog, WaterfallStepContext, ListStyle } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import { z } from 'zod';
import type { SummaryDraft } from '../../records/model';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { layoutSummary, type SummaryContext } from '../../views/exporters/summary-view';
import { layoutToMarkdown } from '../../views/exporters/markdown';
import { summaryCards } from '../../views/cards/summary-card';
import { channelOf } from '../../views/channels';
import { clipLayout, contentBudget, fitToBudget } from '../../views/budget';
import { SeenDialog } from '../base-dialog';
import { normalise } from '../commands';
import { CardPrompt, newQuestionId, type CardReading } from '../card-prompt';

/** Dialog id of the review dialog. */
export const REVIEW_DIALOG = 'review';
/** A part of the write-up the review can send the practitioner back to. */
export type ReviewSection = 'contact' | DomainId | 'factors' | 'agencies' | 'actions';
/** Every part that can be changed, in the order the summary shows them. */
export const REVIEW_SECTIONS: readonly ReviewSection[] = ['contact', ...DOMAIN_IDS, 'factors', 'agencies', 'actions'];
/** What the write-up passes in for review; `changeable` adds a Change per part (and `summaryId` names the card's summary). */
export interface ReviewOptions { draft: SummaryDraft; context: SummaryContext; changeable?: boolean; summaryId?: string }
/** Confirm (true), discard (false), or change one part. */
export type ReviewOutcome = boolean | { change: ReviewSection };
type Decision = 'confirm' | 'discard' | 'change' | { change: ReviewSection };

const MAIN = 'main';
const DECIDE = 'decide';
const SECTION = 'section';
const ReviewAnswer = z.object({ choice: z.enum(['confirm', 'discard', 'change']), section: z.enum(REVIEW_SECTIONS as [ReviewSection, ...ReviewSection[]]).optional() });

/** How a part is named in the summary and on its Change button. */
export function sectionTitle(section: ReviewSection): string {
  if (section === 'contact') return t('summary.contact');
  if (section === 'factors') return t('summary.factors');
  if (section === 'agencies') return t('summary.infoSought');
  if (section === 'actions') return t('summary.actions');
  return DOMAIN_WORDING[section].title;
}

/** Shows the summary and ends with a ReviewOutcome. */
export class ReviewDialog extends SeenDialog<ReviewOptions> {
  protected readonly where = t('writeup.whereReview');

  constructor() {
    super(REVIEW_DIALOG);
    this.addDialog(new CardPrompt<Decision>(DECIDE, readDecision, readTypedDecision));
    this.addDialog(new ChoicePrompt(SECTION));
    this.addDialog(new WaterfallDialog(MAIN, [this.show.bind(this), this.decide.bind(this), this.end.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: show the whole summary, as cards where the channel renders them (pages that each fit it), and ask to confirm, discard or change.
  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft, context, changeable = false, summaryId } = step.options as ReviewOptions;
    const layout = layoutSummary(draft, context);
    const q = newQuestionId();
    const sections = layout.sections.map((s) => REVIEW_SECTIONS.find((r) => s.heading === sectionTitle(r) || s.heading.startsWith(`${sectionTitle(r)} — `)));
    const buttons = changeable && summaryId ? { q, summaryId, caseRef: draft.caseRef, sections } : undefined;
    const channel = channelOf(step.context.activity.channelId);
    if (channel.cards) {
      const pages = summaryCards(layout, channel, buttons);
      await step.context.sendActivities(pages.map((p, i) => MessageFactory.attachment(p, i === 0 ? t('writeup.reviewIntro') : undefined)));
    } else {
      // Why fitted: a channel without cards gets the review as one text, which must fit it as the cards do.
      await step.context.sendActivity(fitToBudget((clipAt) => `${t('writeup.reviewIntro')}\n\n${layoutToMarkdown(clipLayout(layout, clipAt))}`, contentBudget(channel)));
    }
    const choices = [t('writeup.confirm'), t('writeup.discard'), ...(changeable ? [t('guided.changeChoice')] : [])];
    return step.prompt(DECIDE, {
      prompt: ChoiceFactory.suggestedAction(choices, t('writeup.askConfirm')),
      retryPrompt: ChoiceFactory.suggestedAction(choices, t('writeup.retryConfirm')),
      validations: { q },
    });
  }

  // Step: confirm → true, discard → false, a card's Change → that part; "change" typed asks which part.
  private async decide(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const decision = step.result as Decision;
    if (decision === 'confirm' || decision === 'discard') return step.endDialog(decision === 'confirm');
    if (decision !== 'change') return step.endDialog(decision);
    return step.prompt(SECTION, { prompt: t('guided.askChange'), choices: ChoiceFactory.toChoices(REVIEW_SECTIONS.map(sectionTitle)), style: ListStyle.suggestedAction });
  }

  // Step: the part picked to change.
  private async end(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog({ change: REVIEW_SECTIONS[step.result.index]! } satisfies ReviewOutcome);
  }
}

// A review card's button: confirm, discard, or change a part.
function readDecision(value: unknown): CardReading<Decision> {
  const parsed = ReviewAnswer.safeParse(value);
  if (!parsed.success) return { retry: t('common.badCard') };
  const { choice, section } = parsed.data;
  if (choice === 'change') return { ok: section ? { change: section } : 'change' };
  return { ok: choice };
}

// Typed or suggested-action words: confirm, discard, or change; anything else asks again with the buttons.
function readTypedDecision(text: string): CardReading<Decision> {
  const said = normalise(text);
  const match = ([['confirm', 'writeup.confirm'], ['discard', 'writeup.discard'], ['change', 'guided.changeChoice']] as const).find(([word, key]) => said === normalise(t(key)) || said === word);
  return match ? { ok: match[0] } : { retry: '' };
}
