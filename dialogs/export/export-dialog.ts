// `export <case>`: the latest summaries as copyable Markdown and as files (attached in web chat, signed links in Teams).
import { MessageFactory, type Activity, type Attachment } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CaseRecords } from '../../records/repository';
import type { Case, User } from '../../records/model';
import { allowed } from '../../records/access';
import { isoDay } from '../../records/dates';
import type { DownloadLinkMaker, ExportCase, ExportedSummary } from '../../records/case-export';
import { t } from '../../prompts';
import { caseDocx, caseMarkdown, copyableParts, exportFileName, MEDIA_TYPE } from '../../views/exporters/case-files';
import { exportCommandText } from '../../views/command-text';
import { channelOf, type Channel } from '../../views/channels';
import { SeenDialog } from '../base-dialog';
import { scopedRecords } from '../scoped';

/** Dialog id of the export job. */
export const EXPORT_DIALOG = 'export';
/** Who is exporting and, optionally, the case they named. */
export interface ExportOptions { userId: string; caseRef: string | null }
/** What the export needs: records (to offer cases), the audited export itself, and download links when SEEN_PUBLIC_URL is set. */
export interface ExportDeps { records: CaseRecords; exportCase: ExportCase; today: () => Date; links?: DownloadLinkMaker | undefined }

// Why headroom: the channel's limit is for the whole activity, of which the text is only a part.
const ENVELOPE_BYTES = 4_000;

/** One step: check, build, send, end; every refusal is an answer. */
export class ExportDialog extends SeenDialog<ExportOptions> {
  protected readonly where = t('export.where');

  constructor(private readonly deps: ExportDeps) {
    super(EXPORT_DIALOG);
    for (const k of ['records', 'exportCase', 'today'] as const) if (!deps?.[k]) throw new TypeError(`ExportDialog needs ${k}`);
    this.addDialog(new WaterfallDialog('main', [this.answer.bind(this)]));
    this.initialDialogId = 'main';
  }

  // Step: no case named offers the user's own; otherwise the export (access-checked and audited) is answered.
  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { userId, caseRef } = step.options as ExportOptions;
    const user = await this.deps.records.getUser(userId);
    if (!user || user.disabled) return step.endDialog();
    if (!caseRef) {
      await step.context.sendActivity(await this.offerCases(user));
      return step.endDialog();
    }
    const channel = channelOf(step.context.activity.channelId);
    const inline = channel.files === 'inline';
    const result = await this.deps.exportCase({ user }, caseRef, inline ? 'md-docx' : 'md');
    if (result.status === 'unknown_case') await step.context.sendActivity(t('export.unknownCase', { ref: result.ref }));
    else if (result.status === 'denied') await step.context.sendActivity(t('common.notAllowed'));
    else if (result.status === 'no_summaries') await step.context.sendActivity(t('export.noSummaries', { ref: result.case.ref }));
    else for (const message of await this.messages(user, result.case, result.summaries, channel)) await step.context.sendActivity(message);
    return step.endDialog();
  }

  // The user's own open cases as buttons, when they may list them.
  private async offerCases(user: User): Promise<Partial<Activity> | string> {
    if (!allowed(user, 'case.list', { practitionerId: user.id, team: user.team })) return t('export.noCases');
    const own = await (await scopedRecords(this.deps.records, user.id)).listOwnOpenCases();
    if (own.length === 0) return t('export.noCases');
    return MessageFactory.suggestedActions(own.map((c) => ({ type: 'imBack', title: t('export.caseButton', { ref: c.ref }), value: exportCommandText(c.ref) })), t('export.askCase'));
  }

  // The files (attached, linked, or neither) in the first message, then the Markdown to copy in as many parts as the channel needs.
  private async messages(user: User, c: Case, summaries: ExportedSummary[], channel: Channel): Promise<Array<Partial<Activity> | string>> {
    const markdown = caseMarkdown(c, summaries);
    const vars = { ref: c.ref, count: summaries.length };
    const parts = copyableParts(markdown, channel.maxMessageBytes - ENVELOPE_BYTES);
    const copy = parts.map((p, i) => (parts.length > 1 ? `${t('export.part', { n: i + 1, total: parts.length })}\n\n${p}` : p));
    return [await this.first(user, c, summaries, markdown, channel, vars), ...copy];
  }

  // What the first message carries on this channel.
  private async first(user: User, c: Case, summaries: ExportedSummary[], markdown: string, channel: Channel, vars: { ref: string; count: number }): Promise<Partial<Activity> | string> {
    if (channel.files === 'none') return t('export.readyTextOnly', vars);
    if (channel.files === 'link') {
      const links = this.deps.links;
      if (!links) return t('export.readyNoLinks', vars);
      return t('export.readyLinks', { ...vars, minutes: links.minutes, md: await links.link(user.id, c.ref, 'md'), docx: await links.link(user.id, c.ref, 'docx') });
    }
    // Why data: URLs: the files travel inside the conversation the person's own Direct Line token opened, so nothing new is readable by URL.
    const md = Buffer.from(markdown, 'utf8');
    const docx = Buffer.from(await caseDocx(c, summaries, user.name, isoDay(this.deps.today())));
    const attachments: Attachment[] = [
      { contentType: MEDIA_TYPE.md, name: exportFileName(c.ref, 'md'), contentUrl: `data:text/markdown;charset=utf-8;base64,${md.toString('base64')}` },
      { contentType: MEDIA_TYPE.docx, name: exportFileName(c.ref, 'docx'), contentUrl: `data:${MEDIA_TYPE.docx};base64,${docx.toString('base64')}` },
    ];
    const message: Partial<Activity> = { ...MessageFactory.text(t('export.readyFiles', vars)), attachments, channelData: { attachmentSizes: [md.length, docx.length] } };
    return Buffer.byteLength(JSON.stringify(message)) + ENVELOPE_BYTES > channel.maxMessageBytes ? t('export.tooLargeToAttach', vars) : message;
  }
}
