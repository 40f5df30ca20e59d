// `coverage [team]` and `discussed <case>`: supervisors only; everyone else gets a clear refusal, never an empty report.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CaseRecords } from '../../records/repository';
import type { User } from '../../records/model';
import { isoDay } from '../../records/dates';
import { checkDiscussion, CoverageRefusedError, teamFor, type CoverageReader } from '../../records/coverage';
import { t } from '../../prompts';
import { escapeMarkdown } from '../../views/exporters/markdown';
import { SeenDialog } from '../base-dialog';
import { channelOf } from '../../views/channels';
import { CHAT_LIST_LIMIT, coverageReply } from './coverage-message';

/** Dialog id of the coverage job. */
export const COVERAGE_DIALOG = 'coverage';

/** What the user asked: a team report, or to record that factors combining were discussed on a case. */
export type CoverageCommand = { kind: 'report'; team: string | null } | { kind: 'discussed'; caseRef: string };
/** Options the bot passes in: who is asking and what they asked. */
export interface CoverageOptions { userId: string; command: CoverageCommand }
/** What the coverage job needs. */
export interface CoverageDeps { records: CaseRecords; coverage: CoverageReader; today: () => Date }

/** One step: check the role, answer, end. */
export class CoverageDialog extends SeenDialog<CoverageOptions> {
  protected readonly where = t('coverage.where');

  constructor(private readonly deps: CoverageDeps) {
    super(COVERAGE_DIALOG);
    if (!deps?.records || !deps?.coverage || !deps?.today) throw new TypeError('CoverageDialog needs records, coverage and a clock');
    this.addDialog(new WaterfallDialog('main', [this.answer.bind(this)]));
    this.initialDialogId = 'main';
  }

  // Step: the report or the discussion note; a refusal is an answer, not an error.
  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { userId, command } = step.options as CoverageOptions;
    const user = await this.deps.records.getUser(userId);
    if (!user) return step.endDialog();
    try {
      const lines = command.kind === 'report' ? await this.report(user, command.team, channelOf(step.context.activity.channelId).cards) : [await this.discussed(user, command.caseRef)];
      for (const line of lines) await step.context.sendActivity(line);
    } catch (err) {
      if (!(err instanceof CoverageRefusedError)) throw err;
      const key = err.reason === 'team' ? 'coverage.refusedTeam' : user.role === 'partnership_lead' ? 'coverage.refusedPartnership' : 'coverage.refusedRole';
      await step.context.sendActivity(t(key, { team: user.team }));
    }
    return step.endDialog();
  }

  // The team report; a team is matched case-insensitively against teams with open cases.
  private async report(user: User, requested: string | null, withCard: boolean) {
    teamFor(user, null);
    const teams = await this.deps.coverage.teams();
    const team = requested === null ? user.team : teams.find((x) => x.toLowerCase() === requested.toLowerCase());
    if (team === undefined) return [t('coverage.unknownTeam', { team: requested ?? '', teams: teams.join(', ') })];
    teamFor(user, team);
    const report = await this.deps.coverage.teamCoverage(team, { today: isoDay(this.deps.today()), listLimit: CHAT_LIST_LIMIT, trendMonths: 6 });
    if (report.openCases === 0) return [t('coverage.noCases', { team })];
    const names = new Map((await this.deps.records.listUsers()).map((u) => [u.id, u.name]));
    return coverageReply(report, withCard, (id) => names.get(id) ?? id);
  }

  // Records that the factors combining for every such man on the case were discussed in supervision today.
  private async discussed(user: User, caseRef: string): Promise<string> {
    checkDiscussion(user, user.team);
    const c = await this.deps.records.getCase(caseRef);
    if (!c || !c.open) return t('coverage.discussedUnknown', { ref: caseRef });
    checkDiscussion(user, c.team);
    const men = await this.deps.coverage.combiningMen(c.ref);
    if (men.length === 0) return t('coverage.discussedNone', { ref: c.ref });
    const now = this.deps.today();
    const names = new Map((await this.deps.records.listMen(c.ref)).map((m) => [m.id, m.name]));
    for (const manId of men) await this.deps.coverage.recordDiscussion({ caseRef: c.ref, manId, discussedOn: isoDay(now) }, user.id, now.toISOString());
    return t('coverage.discussedSaved', { men: men.map((m) => escapeMarkdown(names.get(m) ?? m)).join(', '), ref: c.ref, date: isoDay(now) });
  }
}
