// The prepare job: pick the case, show the plan on one card, ask about the practitioner's own safety, then offer the write-up.
import { MessageFactory, type Activity } from 'botbuilder';
import { ConfirmPrompt, DialogTurnResult, ListStyle, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Case } from '../../records/model';
import type { CaseRecords } from '../../records/repository';
import { loadPreparePlan, type SupervisionLog, type VariantCounts } from '../../records/prepare-plan';
import { t } from '../../prompts';
import { PREPARE_QUESTIONS } from '../../prompts/prepare';
import { pickCaseCard, prepareMessage } from '../../views/cards/prepare-card';
import { channelOf } from '../../views/channels';
import { replyWithin, type FollowUpError } from '../follow-up';
import { SeenDialog } from '../base-dialog';
import { scopedRecords } from '../scoped';
import { bag } from '../step-values';
import { writeUpCommandText } from '../../views/command-text';
import { AccessDeniedError, allowed } from '../../records/access';
import type { ScopedRecords } from '../../records/scoped-records';
import { escapeMarkdown } from '../../views/exporters/markdown';

/** Dialog id of the prepare job. */
export const PREPARE_DIALOG = 'prepare';
/** Who is preparing and, optionally, the case they named. */
export interface PrepareOptions { userId: string; caseRef: string | null }
/** What prepare hands back: the case, and whether they said they felt anxious. */
export interface PrepareOutcome { caseRef: string; anxious: boolean }
/** What prepare needs; `budgetMs` overrides how long a channel with a reply deadline waits for the plan before acknowledging. */
export interface PrepareDeps {
  records: CaseRecords;
  supervision: SupervisionLog;
  onLateError: (err: FollowUpError) => void;
  budgetMs?: number;
}

const MAIN = 'main';
const CASE = 'case';
const SAFE = 'safe';
/** How many wording variants each question set has, read from prompts/ so the plan can rotate them. */
const VARIANTS: VariantCounts = (domain, kind) => PREPARE_QUESTIONS[domain][kind].length;
// `readOnly`: a team case the user may read but not write up (a supervisor's), shown without the visit questions.
interface Values extends PrepareOptions { case: Case; readOnly?: boolean }

/** Prepares one visit; the plan itself is records/prepare-plan.ts, the card views/cards/prepare-card.ts. */
export class PrepareDialog extends SeenDialog<PrepareOptions> {
  protected readonly where = t('prepare.where');

  constructor(private readonly deps: PrepareDeps) {
    super(PREPARE_DIALOG);
    for (const k of ['records', 'supervision', 'onLateError'] as const) if (!deps?.[k]) throw new TypeError(`PrepareDialog needs ${k}`);
    this.addDialog(new TextPrompt(CASE, this.isOwnOpenCase.bind(this)));
    this.addDialog(Object.assign(new ConfirmPrompt(SAFE), { style: ListStyle.suggestedAction }));
    this.addDialog(new WaterfallDialog(MAIN, [this.chooseCase.bind(this), this.showPlan.bind(this), this.safety.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Validator: the answer must be an open case allocated to this practitioner.
  private async isOwnOpenCase(p: PromptValidatorContext<string>): Promise<boolean> {
    const ref = (p.recognized.value ?? '').trim().toUpperCase();
    const own = await (await scopedRecords(this.deps.records, (p.options.validations as { userId: string }).userId)).listOwnOpenCases();
    return own.some((c) => c.ref === ref);
  }

  // Step: use the named case when it is theirs, or read-only when the policy lets them read it; otherwise offer their open cases.
  private async chooseCase(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = Object.assign(bag<Values>(step), step.options as PrepareOptions);
    const scoped = await scopedRecords(this.deps.records, v.userId!);
    const own = await scoped.listOwnOpenCases();
    const named = own.find((c) => c.ref === v.caseRef);
    if (named) return step.next(named.ref);
    const readable = v.caseRef ? await this.readableOpenCase(scoped, v.caseRef) : undefined;
    if (readable) {
      v.readOnly = true;
      return step.next(readable.ref);
    }
    if (own.length === 0) {
      // Why: a supervisor holds no cases of their own but may read their team's; tell them how, not just "none".
      const readsTeam = allowed(scoped.user, 'case.read', { team: scoped.user.team });
      await step.context.sendActivity(!readsTeam ? t('prepare.noCases') : v.caseRef ? t('prepare.unknownTeamCase', { ref: v.caseRef }) : t('prepare.noCasesSupervisor'));
      return step.endDialog();
    }
    if (v.caseRef) await step.context.sendActivity(t('prepare.unknownCase', { ref: v.caseRef }));
    const refs = own.map((c) => c.ref);
    const prompt: Partial<Activity> = channelOf(step.context.activity.channelId).cards
      ? MessageFactory.attachment(pickCaseCard(own), t('prepare.askCase'))
      : MessageFactory.suggestedActions(refs, t('prepare.askCase'));
    return step.prompt(CASE, { prompt, retryPrompt: MessageFactory.suggestedActions(refs, t('prepare.retryCase')), validations: { userId: v.userId } });
  }

  // Step: the plan on one card (a follow-up message if the record is slow in Teams), then the question about them.
  private async showPlan(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    // Every read goes through the access policy as the user asking.
    const scoped = await scopedRecords(this.deps.records, v.userId!);
    const c = (v.case = (await scoped.getCase(String(step.result).trim().toUpperCase()))!);
    const channel = channelOf(step.context.activity.channelId);
    if (v.readOnly) await step.context.sendActivity(t('prepare.readOnly', { ref: c.ref, practitioner: escapeMarkdown(await this.practitionerName(c)) }));
    await replyWithin(step.context, {
      budgetMs: Number.isFinite(channel.replyDeadlineMs) ? (this.deps.budgetMs ?? channel.replyDeadlineMs) : Infinity,
      work: async () => prepareMessage(await loadPreparePlan({ records: scoped, supervision: this.deps.supervision }, c, VARIANTS), channel.cards, channel),
      ack: t('prepare.ack', { ref: c.ref }),
      failed: t('common.turnError'),
      onLateError: this.deps.onLateError,
    });
    // Why no safety question or write-up offer: read-only, the visit and its write-up are the allocated practitioner's.
    if (v.readOnly) return step.endDialog();
    return step.prompt(SAFE, { prompt: t('prepare.askSafety') });
  }

  // An open case the access policy lets this user read (a supervisor: their team's); refused or closed is undefined.
  private async readableOpenCase(scoped: ScopedRecords, ref: string): Promise<Case | undefined> {
    try {
      const c = await scoped.getCase(ref);
      return c?.open ? c : undefined;
    } catch (err) {
      if (err instanceof AccessDeniedError) return undefined;
      throw err;
    }
  }

  // The allocated practitioner's name, for the read-only notice (their id when they are no longer a user).
  private async practitionerName(c: Case): Promise<string> {
    return (await this.deps.records.getUser(c.practitionerId))?.name ?? c.practitionerId;
  }

  // Step: a joint visit where they feel anxious; then the offer to write the visit up afterwards.
  private async safety(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { case: c } = bag<Values>(step) as Values;
    const anxious = step.result === true;
    await step.context.sendActivity(t(anxious ? 'prepare.jointVisit' : 'prepare.safetyNoted'));
    const offer = MessageFactory.suggestedActions([{ type: 'imBack', title: t('prepare.writeUpButton', { ref: c.ref }), value: writeUpCommandText(c.ref) }], t('prepare.offerWriteUp', { ref: c.ref }));
    await step.context.sendActivity(offer);
    return step.endDialog({ caseRef: c.ref, anxious } satisfies PrepareOutcome);
  }
}

