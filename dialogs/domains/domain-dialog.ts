// One dialog per domain: an open question about him, whose account it is, then strengths and concerns.
import {
  ChoiceFactory,
  ChoicePrompt,
  DialogContext,
  DialogTurnResult,
  ListStyle,
  TextPrompt,
  WaterfallDialog,
  WaterfallStep,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { DomainEntry, type SubstanceEntry } from '../../records/model';
import type { CryingMessageId, DomainId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import type { DomainWording } from '../../prompts/domains/types';
import { SeenDialog } from '../base-dialog';
import { isNone } from '../commands';
import { nonEmptyText } from '../validators';
import { bag } from '../step-values';

/** What a domain dialog hands back to the write-up. */
export interface DomainOutcome {
  domain: DomainId;
  entry: DomainEntry;
  substances?: SubstanceEntry[];
  cryingMessages?: CryingMessageId[];
}

/** Step values a domain dialog accumulates; subclasses add their own. */
export interface DomainValues {
  account?: string;
  status?: 'covered' | 'secondhand';
  strengths?: string;
  concerns?: string;
  substances?: SubstanceEntry[];
  cryingMessages?: CryingMessageId[];
}

const MAIN = 'main';
const NOT_EXPLORED = 'notExplored';
const TEXT = 'text';
const SOURCE = 'source';

/** The generic domain dialog; substance use and parenting knowledge add steps in the middle. */
export class DomainDialog extends SeenDialog {
  protected readonly where: string;
  protected readonly wording: DomainWording;

  constructor(readonly domain: DomainId) {
    super(domain);
    this.wording = DOMAIN_WORDING[domain];
    this.where = this.wording.title;
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(new ChoicePrompt(SOURCE));
    this.addDialog(
      new WaterfallDialog(MAIN, [
        this.askAccount.bind(this),
        this.askSource.bind(this),
        this.recordSource.bind(this),
        ...this.middleSteps(),
        this.askStrengths.bind(this),
        this.askConcerns.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(NOT_EXPLORED, [this.askReason.bind(this), this.finishNotExplored.bind(this)]));
    this.initialDialogId = MAIN;
  }

  /** Steps a subclass runs after the account and its source are recorded; the last must end with next(). */
  protected middleSteps(): WaterfallStep[] {
    return [];
  }

  protected override helpText(): string {
    return this.wording.help;
  }

  // "Not explored" at any point in this domain: ask why, then record the domain as absent.
  protected override onSkip(inner: DialogContext): Promise<DialogTurnResult> {
    return inner.beginDialog(NOT_EXPLORED);
  }

  // Step: the open question about him, offering "not explored" as a button.
  private async askAccount(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TEXT, {
      prompt: ChoiceFactory.suggestedAction([t('writeup.notExploredChoice')], this.wording.question),
      retryPrompt: this.wording.retry,
    });
  }

  // Step: whose account this is decides covered versus second-hand.
  private async askSource(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<DomainValues>(step).account = String(step.result).trim();
    return step.prompt(SOURCE, {
      prompt: t('writeup.askSource'),
      choices: ChoiceFactory.toChoices([t('writeup.sourceOwn'), t('writeup.sourceOther')]),
      style: ListStyle.suggestedAction,
    });
  }

  // Step: record whose account it was before any subclass steps run, so they need not carry the answer on.
  private async recordSource(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<DomainValues>(step).status = step.result?.index === 1 ? 'secondhand' : 'covered';
    return step.next();
  }

  // Step: what is going well, kept beside the concerns so he is not just "good" or "bad".
  private async askStrengths(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TEXT, { prompt: ChoiceFactory.suggestedAction([t('writeup.noneNoted')], this.wording.strengths) });
  }

  // Step: what concerns the practitioner.
  private async askConcerns(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<DomainValues>(step).strengths = cleanOptional(step.result);
    return step.prompt(TEXT, { prompt: ChoiceFactory.suggestedAction([t('writeup.noneNoted')], this.wording.concerns) });
  }

  // Step: hand the finished domain back to the write-up.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DomainValues>(step);
    const entry = DomainEntry.parse({ status: v.status, account: v.account, strengths: v.strengths, concerns: cleanOptional(step.result) });
    const outcome: DomainOutcome = { domain: this.domain, entry };
    if (v.substances) outcome.substances = v.substances;
    if (v.cryingMessages) outcome.cryingMessages = v.cryingMessages;
    return step.endDialog(outcome);
  }

  // Step (not explored): ask why, so the record says more than a blank.
  private async askReason(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TEXT, { prompt: t('writeup.askNotExploredReason', { title: this.wording.title.toLowerCase() }) });
  }

  // Step (not explored): record the domain as absent with the reason.
  private async finishNotExplored(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const entry = DomainEntry.parse({ status: 'absent', notExploredReason: String(step.result).trim() });
    return step.endDialog({ domain: this.domain, entry } satisfies DomainOutcome);
  }

}

/** "none noted" and friends become an empty string; anything else is kept, trimmed. */
export function cleanOptional(result: unknown): string {
  const text = String(result ?? '').trim();
  return isNone(text) ? '' : text;
}
