// The review: the whole summary on one card (or as text), then confirm to save or discard.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import type { SummaryDraft } from '../../records/model';
import { t } from '../../prompts';
import { layoutSummary, type SummaryContext } from '../../views/exporters/summary-view';
import { layoutToMarkdown } from '../../views/exporters/markdown';
import { summaryCards } from '../../views/cards/summary-card';
import { channelOf } from '../../views/channels';
import { clipLayout, contentBudget, fitToBudget } from '../../views/budget';
import { SeenDialog } from '../base-dialog';

/** Dialog id of the review dialog. */
export const REVIEW_DIALOG = 'review';
/** What the write-up passes in for review. */
export interface ReviewOptions { draft: SummaryDraft; context: SummaryContext }
const MAIN = 'main';
const CHOICE = 'choice';

/** Shows the summary and ends with true (confirm) or false (discard). */
export class ReviewDialog extends SeenDialog<ReviewOptions> {
  protected readonly where = t('writeup.whereReview');

  constructor() {
    super(REVIEW_DIALOG);
    this.addDialog(new ChoicePrompt(CHOICE));
    this.addDialog(new WaterfallDialog(MAIN, [this.show.bind(this), this.decide.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: show the whole summary, as cards where the channel renders them (pages that each fit it), and ask to confirm.
  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { draft, context } = step.options as ReviewOptions;
    const layout = layoutSummary(draft, context);
    const channel = channelOf(step.context.activity.channelId);
    if (channel.cards) {
      const pages = summaryCards(layout, channel);
      await step.context.sendActivities(pages.map((p, i) => MessageFactory.attachment(p, i === 0 ? t('writeup.reviewIntro') : undefined)));
    } else {
      // Why fitted: a channel without cards gets the review as one text, which must fit it as the cards do.
      await step.context.sendActivity(fitToBudget((clipAt) => `${t('writeup.reviewIntro')}\n\n${layoutToMarkdown(clipLayout(layout, clipAt))}`, contentBudget(channel)));
    }
    return step.prompt(CHOICE, {
      prompt: t('writeup.askConfirm'),
      retryPrompt: t('writeup.retryConfirm'),
      choices: ChoiceFactory.toChoices([t('writeup.confirm'), t('writeup.discard')]),
      style: ListStyle.suggestedAction,
    });
  }

  // Step: confirm → true, discard → false.
  private async decide(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result.index === 0);
  }
}
