// The ActivityHandler: knows who is asking, starts the dialog a command names (bot/routes.ts), otherwise continues the dialog.
import type { NoteAnalyser } from '../analysis/analyser';
import { ActivityHandler, ActivityTypes, ConversationState, TurnContext, type Activity, type InvokeResponse, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { User } from '../records/model';
import type { CaseRecords } from '../records/repository';
import { t } from '../prompts';
import { globalCommand } from '../dialogs/commands';
import { WriteUpDialog } from '../dialogs/writeup/writeup-dialog';
import { CorrectDialog } from '../dialogs/writeup/correct-dialog';
import { applyCardSubmit } from './card-submit';
import type { CoverageReader } from '../records/coverage';
import { CoverageDialog } from '../dialogs/coverage/coverage-dialog';
import { PrepareDialog } from '../dialogs/prepare/prepare-dialog';
import { supervisionFromCoverage, NO_SUPERVISION_LOG, type SupervisionLog } from '../records/prepare-plan';
import { ADAPTIVE_CARD_ACTION, AdaptiveCardActionValue, executeToSubmit, invokeBadRequest, invokeMessage, MessageFromInvokeContext, stripBotMention } from '../adapters/teams/activity';
import { normaliseInput } from './input-text';
import { channelOf, isPersonalChat, welcomesOnInstall } from '../views/channels';
import { matchRoute, mayRun, ROLE_REFUSALS, ROUTES, type Route } from './routes';
import { ExportDialog } from '../dialogs/export/export-dialog';
import type { DownloadLinkMaker, ExportCase } from '../records/case-export';
import { scopedRecords } from '../dialogs/scoped';
import { AccessDeniedError } from '../records/access';
import { RecordNotFoundError } from '../records/repository';

/** The question number a message says it answers (Seen's web page sends back the `seenTurn` of the last question it showed). */
export function answeredTurn(activity: Partial<Activity>): number | undefined {
  const n = (activity.channelData as { seenTurn?: unknown } | undefined)?.seenTurn;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** What the bot is built from; every piece is required. */
export interface SeenBotDeps {
  conversationState: ConversationState;
  records: CaseRecords;
  logger: Logger;
  today: () => Date;
  /** Coverage figures for `coverage [team]` and `discussed <case>`; without it those commands are not offered. */
  coverage?: CoverageReader;
  /** When factors were last discussed in supervision, for prepare's reminders; defaults to the coverage reader's, else none. */
  supervision?: SupervisionLog;
  /** How long a channel with a reply deadline (Teams) waits for the prepare plan before acknowledging (default: the channel's). */
  prepareBudgetMs?: number;
  /** The audited export for `export <case>` (records/case-export.ts); without it the command is not offered. */
  exportCase?: ExportCase;
  /** Where pasted notes are read (the worker pool); default in this thread. */
  analyser?: NoteAnalyser;
  /** Signed download links for channels that cannot take files (Teams); absent when SEEN_PUBLIC_URL is not set. */
  downloadLinks?: DownloadLinkMaker;
}

/** Seen's bot: thin, with all flow in dialogs. */
export class SeenBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly questionTurn: StatePropertyAccessor<number>;
  private readonly dialogs: DialogSet;
  private readonly routes: readonly Route[];

  constructor(private readonly deps: SeenBotDeps) {
    super();
    for (const k of ['conversationState', 'records', 'logger', 'today'] as const) if (!deps?.[k]) throw new TypeError(`SeenBot needs ${k}`);
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.questionTurn = deps.conversationState.createProperty<number>('questionTurn');
    this.dialogs = new DialogSet(this.dialogState).add(new WriteUpDialog({ records: deps.records, today: deps.today, analyser: deps.analyser })).add(new CorrectDialog({ records: deps.records }));
    if (deps.coverage) this.dialogs.add(new CoverageDialog({ records: deps.records, coverage: deps.coverage, today: deps.today }));
    const supervision = deps.supervision ?? (deps.coverage ? supervisionFromCoverage(deps.coverage, deps.today) : NO_SUPERVISION_LOG);
    const onLateError = (err: Error) => deps.logger.error({ event: 'follow_up_failed', error: err.name, cause: (err.cause as Error | undefined)?.name }, 'follow-up failed');
    this.dialogs.add(new PrepareDialog({ records: deps.records, supervision, onLateError, budgetMs: deps.prepareBudgetMs }));
    if (deps.exportCase) this.dialogs.add(new ExportDialog({ records: deps.records, exportCase: deps.exportCase, today: deps.today, links: deps.downloadLinks }));
    this.routes = ROUTES.filter((r) => (r.needs !== 'coverage' || deps.coverage) && (r.needs !== 'export' || deps.exportCase));
    // Why at construction: a route naming a dialog nobody registered would otherwise fail on the first person to type it.
    for (const r of this.routes) if (!this.dialogs.find(r.dialog)) throw new TypeError(`route ${r.name} starts dialog ${r.dialog}, which SeenBot does not register`);
    this.onMembersAdded((ctx, next) => this.greet(ctx).then(next));
    // Teams' personal install: conversationUpdate adds only the bot, then installationUpdate (add) says who installed it.
    // Removal (installationUpdate remove, membersRemoved) gets no answer: nobody is there to read it.
    this.onInstallationUpdateAdd((ctx, next) => (ctx.activity.action === 'add' ? this.welcome(ctx, ctx.activity.from.id, ctx.activity.from.aadObjectId) : Promise.resolve()).then(next));
    this.onMessage((ctx, next) => this.route(ctx).then(next));
  }

  // State is saved once, after every turn, so a crash never leaves half a turn behind; input is cleaned first.
  override async run(context: TurnContext): Promise<void> {
    normaliseInput(context.activity);
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  // Greets the person (not the bot) when they join a conversation, on channels that do not announce installs.
  private async greet(ctx: TurnContext): Promise<void> {
    if (welcomesOnInstall(ctx.activity.channelId) && isPersonalChat(ctx.activity.conversation)) return;
    for (const member of ctx.activity.membersAdded ?? []) {
      if (member.id === ctx.activity.recipient.id) continue;
      return this.welcome(ctx, member.id, member.aadObjectId);
    }
  }

  // The welcome (or, outside a personal chat, the notice that Seen talks only there); one per install or join.
  private async welcome(ctx: TurnContext, id: string, aadObjectId: string | undefined): Promise<void> {
    if (!isPersonalChat(ctx.activity.conversation)) return void (await ctx.sendActivity(t('common.personalOnly')));
    const user = await this.identify(ctx, id, aadObjectId);
    await ctx.sendActivity(user ? t('common.greeting', { name: user.name.split(' ')[0] }) : t('common.unknownUser'));
  }

  // Routes one message: unknown users and shared chats stop here; a command (bot/routes.ts) starts its dialog; otherwise the active dialog continues.
  private async route(ctx: TurnContext): Promise<void> {
    const user = await this.identify(ctx, ctx.activity.from.id, ctx.activity.from.aadObjectId);
    if (!user) {
      await ctx.sendActivity(t('common.unknownUser'));
      return;
    }
    // Why: case content is for the practitioner alone, so a group chat or channel gets no answer but this one.
    if (!isPersonalChat(ctx.activity.conversation)) {
      await ctx.sendActivity(t('common.personalOnly'));
      return;
    }
    if (channelOf(ctx.activity.channelId).stripsMentions) stripBotMention(ctx.activity);
    if (applyCardSubmit(ctx.activity) === 'invalid') {
      await ctx.sendActivity(t('common.badCard'));
      return;
    }
    if (await this.answeredSavedReview(ctx, user)) return;
    const asked = await this.tagQuestions(ctx);
    const dc = await this.dialogs.createContext(ctx);
    const command = matchRoute(ctx.activity.text, this.routes);
    if (command && !mayRun(command.route, user)) {
      await ctx.sendActivity(t(ROLE_REFUSALS[user.role]));
      return;
    }
    if (command) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(command.route.dialog, command.route.options(command.argument, user));
      return;
    }
    // Why: an answer the page tagged with an earlier question (a second tab, a button from before) must not fill the current one.
    const answered = answeredTurn(ctx.activity);
    if (dc.activeDialog && answered !== undefined && answered !== asked) {
      await ctx.sendActivity(t('guided.earlierQuestion'));
      await dc.repromptDialog();
      return;
    }
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    const global = globalCommand(ctx.activity.text);
    if (global === 'help') await ctx.sendActivity(t('common.help'));
    else if (global === 'cancel') await ctx.sendActivity(t('common.nothingToCancel'));
    else await ctx.sendActivity(t('common.notUnderstood'));
  }

  // Action.Execute (Teams Universal Actions) runs as the message its button stands for; the invoke gets a 200 answer.
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    if (ctx.activity.name !== ADAPTIVE_CARD_ACTION) return super.onInvokeActivity(ctx);
    const parsed = AdaptiveCardActionValue.safeParse(ctx.activity.value);
    if (!parsed.success) return invokeBadRequest(t('teams.badAction'));
    if (!(await this.identify(ctx, ctx.activity.from.id, ctx.activity.from.aadObjectId))) return invokeMessage(t('common.unknownUser'));
    const message = new MessageFromInvokeContext(ctx, executeToSubmit(parsed.data));
    if (applyCardSubmit(message.activity) === 'invalid') return invokeBadRequest(t('teams.badAction'));
    await this.route(message);
    return invokeMessage(t('teams.actionReceived'));
  }

  // Tags this turn's replies with a new question number (channelData.seenTurn) and returns the number of the question being answered.
  private async tagQuestions(ctx: TurnContext): Promise<number> {
    const asked = await this.questionTurn.get(ctx, 0);
    ctx.onSendActivities(async (_c, activities, next) => {
      const messages = activities.filter((a) => a.type === ActivityTypes.Message);
      // Why only when something is said: the page can only send back a number it has been shown.
      if (messages.length) await this.questionTurn.set(ctx, asked + 1);
      for (const a of messages) a.channelData = { ...(a.channelData as object | undefined), seenTurn: asked + 1 };
      return next();
    });
    return asked;
  }

  // A button on the card of a review already saved (an old card, another tab) says which version it is, and changes nothing.
  private async answeredSavedReview(ctx: TurnContext, user: User): Promise<boolean> {
    const value = ctx.activity.value as { summaryId?: unknown; caseRef?: unknown } | undefined;
    if (typeof value?.summaryId !== 'string' || typeof value.caseRef !== 'string') return false;
    let summaries;
    try {
      summaries = await (await scopedRecords(this.deps.records, user.id)).latestSummaries(value.caseRef.toUpperCase());
    } catch (err) {
      // Why: a case this person may not read (or that is gone) says nothing here; the dialog then treats the button as stale.
      if (err instanceof AccessDeniedError || err instanceof RecordNotFoundError) return false;
      throw err;
    }
    const saved = summaries.find((s) => s.summaryId === value.summaryId);
    if (!saved) return false;
    await ctx.sendActivity(t('guided.alreadySaved', { version: saved.version }));
    return true;
  }

  // Some channels (Teams) know people by their Entra object id; others by the user id the channel gives.
  private async identify(ctx: TurnContext, id: string, aadObjectId?: string): Promise<User | undefined> {
    if (channelOf(ctx.activity.channelId).entraIds) return aadObjectId ? this.deps.records.getUserByAadObjectId(aadObjectId) : undefined;
    const user = await this.deps.records.getUser(id);
    return user?.disabled ? undefined : user;
  }
}
