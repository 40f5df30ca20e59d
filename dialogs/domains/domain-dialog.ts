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
import { DomainEntry, statusFromStatements, type Statement, type SubstanceEntry } from '../../records/model';
import { CRYING_MESSAGE_IDS } from '../../records/practice-model';
import type { CryingMessageId, DomainId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import type { DomainWording } from '../../prompts/domains/types';
import { SeenDialog } from '../base-dialog';
import { isNone } from '../commands';
import { nonEmptyText } from '../validators';
import { bag } from '../step-values';
import { channelOf } from '../../views/channels';
import { TopicAnswer, topicCard } from '../../views/cards/topic-card';
import type { CardChoice } from '../../views/cards/inputs';
import { CardPrompt, promptCard, type CardReading } from '../card-prompt';

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
  /** Who gave the account, when it is second-hand. */
  by?: string;
  /** True when the topic card answered account, source, strengths and concerns in one go. */
  fromCard?: boolean;
  strengths?: string;
  concerns?: string;
  substances?: SubstanceEntry[];
  cryingMessages?: CryingMessageId[];
}

const MAIN = 'main';
const NOT_EXPLORED = 'notExplored';
const TEXT = 'text';
const SOURCE = 'source';
const TOPIC_CARD = 'topicCard';

/** What the topic card gives: the topic answered, or "not explored" with a reason (and whatever was already written). */
export type TopicReading =
  | { notExplored: true; reason: string; account: string }
  | { notExplored: false; account: string; source: 'him' | 'secondhand'; by: string; strengths: string; concerns: string; crying: CryingMessageId[] };

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
    this.addDialog(new CardPrompt(TOPIC_CARD, (value) => readTopic(value)));
    this.addDialog(
      new WaterfallDialog(MAIN, [
        this.askAccount.bind(this),
        this.askSource.bind(this),
        this.recordSource.bind(this),
        this.recordBy.bind(this),
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

  /** The crying messages a topic card offers as tick boxes (parenting knowledge only). */
  protected cardCrying(): readonly CardChoice[] | undefined {
    return undefined;
  }

  protected override helpText(): string {
    return this.wording.help;
  }

  // What "not explored" keeps: the account already typed, if any (issue 15 item 7).
  protected override keptOnSkip(inner: DialogContext): unknown {
    const main = inner.stack.find((i) => i.id === MAIN);
    return (main?.state as { values?: DomainValues } | undefined)?.values?.account;
  }

  // "Not explored" at any point in this domain: ask why, then record the domain as absent, keeping any account typed.
  protected override onSkip(inner: DialogContext, kept?: unknown): Promise<DialogTurnResult> {
    return inner.beginDialog(NOT_EXPLORED, { account: typeof kept === 'string' ? kept : '' });
  }

  // Step: the open question about him: the topic card where cards show, otherwise text with "not explored" as a button.
  private async askAccount(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (channelOf(step.context.activity.channelId).cards) {
      return promptCard(step, TOPIC_CARD, (q) => topicCard({ q, title: this.wording.title, question: this.wording.question, crying: this.cardCrying() }));
    }
    return step.prompt(TEXT, {
      prompt: ChoiceFactory.suggestedAction([t('writeup.notExploredChoice')], this.wording.question),
      retryPrompt: this.wording.retry,
    });
  }

  // Step: whose account this is decides covered versus second-hand; the card has answered it already.
  private async askSource(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (typeof step.result === 'object' && step.result !== null) return this.fromCard(step, step.result as TopicReading);
    bag<DomainValues>(step).account = String(step.result).trim();
    return step.prompt(SOURCE, {
      prompt: t('writeup.askSource'),
      choices: ChoiceFactory.toChoices([t('writeup.sourceOwn'), t('writeup.sourceOther')]),
      style: ListStyle.suggestedAction,
    });
  }

  // The topic card's answer: "not explored" ends the topic; otherwise keep it all and run only the subclass steps.
  private async fromCard(step: WaterfallStepContext, reading: TopicReading): Promise<DialogTurnResult> {
    if (reading.notExplored) return step.endDialog(notExploredOutcome(this.domain, reading.reason, reading.account));
    const v = bag<DomainValues>(step);
    Object.assign(v, { fromCard: true, account: reading.account, by: reading.by, strengths: reading.strengths, concerns: reading.concerns });
    if (this.cardCrying()) v.cryingMessages = reading.crying;
    return step.next({ index: reading.source === 'secondhand' ? 1 : 0 });
  }

  // Step: record whose account it was before any subclass steps run; second-hand by text asks who said it.
  private async recordSource(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DomainValues>(step);
    v.status = step.result?.index === 1 ? 'secondhand' : 'covered';
    if (v.status === 'covered' || v.fromCard) return step.next(v.by ?? '');
    return step.prompt(TEXT, { prompt: t('guided.askBy') });
  }

  // Step: keep who gave a second-hand account.
  private async recordBy(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<DomainValues>(step).by = String(step.result ?? '').trim();
    return step.next();
  }

  // Step: what is going well, kept beside the concerns so he is not just "good" or "bad".
  private async askStrengths(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DomainValues>(step);
    if (v.fromCard) return step.next(v.strengths ?? '');
    return step.prompt(TEXT, { prompt: ChoiceFactory.suggestedAction([t('writeup.noneNoted')], this.wording.strengths) });
  }

  // Step: what concerns the practitioner.
  private async askConcerns(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DomainValues>(step);
    v.strengths = cleanOptional(step.result);
    if (v.fromCard) return step.next(v.concerns ?? '');
    return step.prompt(TEXT, { prompt: ChoiceFactory.suggestedAction([t('writeup.noneNoted')], this.wording.concerns) });
  }

  // Step: hand the finished domain back to the write-up, the account kept as a statement with its own source.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<DomainValues>(step);
    const statements: Statement[] = v.account ? [{ text: v.account, source: v.status === 'secondhand' ? 'secondhand' : 'him', by: v.status === 'secondhand' && v.by ? v.by : null }] : [];
    const entry = DomainEntry.parse({ status: statusFromStatements(statements), account: v.account, strengths: v.strengths, concerns: cleanOptional(step.result), statements });
    const outcome: DomainOutcome = { domain: this.domain, entry };
    if (v.substances) outcome.substances = v.substances;
    if (v.cryingMessages) outcome.cryingMessages = v.cryingMessages;
    return step.endDialog(outcome);
  }

  // Step (not explored): ask why, so the record says more than a blank.
  private async askReason(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TEXT, { prompt: t('writeup.askNotExploredReason', { title: this.wording.title.toLowerCase() }) });
  }

  // Step (not explored): record the domain as absent with the reason, keeping any account already typed.
  private async finishNotExplored(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const account = (step.options as { account?: string } | undefined)?.account ?? '';
    if (account) await step.context.sendActivity(t('guided.topicNotExploredKept'));
    return step.endDialog(notExploredOutcome(this.domain, String(step.result).trim(), account));
  }
}

/** A topic not explored this visit: absent, with the reason and whatever account had been written. */
export function notExploredOutcome(domain: DomainId, reason: string, account: string): DomainOutcome {
  return { domain, entry: DomainEntry.parse({ status: 'absent', notExploredReason: reason, account }) };
}

/** Reads a topic card: saving needs an account; "not explored" needs a reason. */
export function readTopic(value: unknown): CardReading<TopicReading> {
  const parsed = TopicAnswer.safeParse(value);
  if (!parsed.success) return { retry: t('common.badCard') };
  const a = parsed.data;
  if (a.choice === 'not_explored') return a.reason ? { ok: { notExplored: true, reason: a.reason, account: a.account } } : { retry: t('guided.topicNeedsReason') };
  if (!a.account || isNone(a.account)) return { retry: t('guided.topicNeedsAccount') };
  const crying = CRYING_MESSAGE_IDS.filter((id) => (a.crying ?? '').split(',').includes(id));
  return { ok: { notExplored: false, account: a.account, source: a.source === 'secondhand' ? 'secondhand' : 'him', by: a.by, strengths: cleanOptional(a.strengths), concerns: cleanOptional(a.concerns), crying } };
}

/** "none noted" and friends become an empty string; anything else is kept, trimmed. */
export function cleanOptional(result: unknown): string {
  const text = String(result ?? '').trim();
  return isNone(text) ? '' : text;
}
