// Correcting a saved summary: pick it, redo one section, review, and save a new version that names the one it corrects.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { SummaryDraft, type Summary } from '../../records/model';
import type { CaseRecords } from '../../records/repository';
import { DOMAIN_IDS } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { SeenDialog } from '../base-dialog';
import { actionsFrom } from './draft';
import { nonEmptyText } from '../validators';
import { bag } from '../step-values';
import { savedOrRefused, scopedRecords } from '../scoped';
import { createDomainDialogs } from '../domains';
import type { DomainOutcome } from '../domains/domain-dialog';
import { CASE_DIALOG, CaseDialog, type CaseChoice, type CaseDialogOptions } from './case-dialog';
import { REVIEW_DIALOG, ReviewDialog, type ReviewOptions } from './review-dialog';
import { structuralGapRecords } from './draft';

/** Dialog id of the correction job. */
export const CORRECT_DIALOG = 'correct';
/** What the correction needs from the rest of Seen. */
export interface CorrectDeps { records: CaseRecords }

const MAIN = 'main';
const CHOICE = 'choice';
const TEXT = 'text';
const ACTIONS_SECTION = DOMAIN_IDS.length;
interface Values { userId: string; choice: CaseChoice; summaries: Summary[]; summary: Summary; draft: SummaryDraft }

/** Lets a practitioner correct one section of a saved summary; nothing is overwritten. */
export class CorrectDialog extends SeenDialog<CaseDialogOptions> {
  protected readonly where = t('writeup.whereCorrect');

  constructor(private readonly deps: CorrectDeps) {
    super(CORRECT_DIALOG);
    if (!deps?.records) throw new TypeError('CorrectDialog needs records');
    this.addDialog(new CaseDialog(deps.records));
    for (const d of createDomainDialogs()) this.addDialog(d);
    this.addDialog(new ReviewDialog());
    this.addDialog(new ChoicePrompt(CHOICE));
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(new WaterfallDialog(MAIN, [
      this.chooseCase.bind(this), this.chooseSummary.bind(this), this.chooseSection.bind(this), this.redoSection.bind(this), this.review.bind(this), this.save.bind(this),
    ]));
    this.initialDialogId = MAIN;
  }

  // Step: which case and man (only men already on the case).
  private async chooseCase(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as CaseDialogOptions;
    bag<Values>(step).userId = options.userId;
    return step.beginDialog(CASE_DIALOG, { ...options, allowNewMan: false } satisfies CaseDialogOptions);
  }

  // Step: which of his saved summaries, newest contact first.
  private async chooseSummary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!step.result) return step.endDialog();
    const v = bag<Values>(step);
    v.choice = step.result as CaseChoice;
    const all = await (await scopedRecords(this.deps.records, v.userId!)).latestSummaries(v.choice.case.ref);
    v.summaries = all.filter((s) => s.manId === v.choice!.man.id).reverse();
    if (v.summaries.length === 0) {
      await step.context.sendActivity(t('writeup.noSummaries', { man: v.choice.man.name }));
      return step.endDialog();
    }
    const labels = v.summaries.map((s) => t('writeup.summaryChoice', { date: s.contact.date, version: s.version }));
    return step.prompt(CHOICE, { prompt: t('writeup.askSummary'), choices: ChoiceFactory.toChoices(labels), style: ListStyle.suggestedAction });
  }

  // Step: which section to redo: one of the eight domains, or the actions.
  private async chooseSection(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    v.summary = v.summaries[step.result.index];
    const sections = [...DOMAIN_IDS.map((d) => DOMAIN_WORDING[d].title), t('summary.actions')];
    return step.prompt(CHOICE, { prompt: t('writeup.askSection'), choices: ChoiceFactory.toChoices(sections), style: ListStyle.suggestedAction });
  }

  // Step: run that domain's own dialog again, or ask for the actions again.
  private async redoSection(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result.index === ACTIONS_SECTION) return step.prompt(TEXT, { prompt: t('writeup.askActions'), retryPrompt: t('common.empty') });
    return step.beginDialog(DOMAIN_IDS[step.result.index]);
  }

  // Step: apply the change to a copy of the saved summary and show it for review.
  private async review(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    v.draft = corrected(v.summary, step.result as DomainOutcome | string);
    const context = { manName: v.choice.man.name, manRole: v.choice.man.role, fictional: v.choice.case.fictional };
    return step.beginDialog(REVIEW_DIALOG, { draft: v.draft, context } satisfies ReviewOptions);
  }

  // Step: save the correction as the next version; discard leaves the record as it was.
  private async save(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    if (step.result !== true) {
      await step.context.sendActivity(t('writeup.discarded'));
      return step.endDialog();
    }
    const saved = await savedOrRefused('correction', async () => await (await scopedRecords(this.deps.records, v.userId)).correctSummary(v.summary.summaryId, v.draft));
    await step.context.sendActivity(t('writeup.corrected', { version: saved.version, corrects: saved.corrects ?? 0, man: v.choice.man.name, ref: saved.caseRef }));
    return step.endDialog(saved);
  }
}

/** A copy of the saved summary with one section replaced; guided summaries get their gaps worked out again. */
export function corrected(saved: Summary, change: DomainOutcome | string): SummaryDraft {
  const { summaryId: _id, version: _v, corrects: _c, author: _a, createdAt: _at, ...rest } = saved;
  const draft: SummaryDraft = SummaryDraft.parse(rest);
  if (typeof change === 'string') {
    // Corrected actions are owned by the summary's author (the practitioner), with any "by yyyy-mm-dd" due date.
    const next = actionsFrom(change, saved.author);
    draft.actions = next.actions;
    draft.actionItems = next.actionItems;
  } else {
    draft.domains[change.domain] = change.entry;
    if (change.domain === 'substance_use') draft.substances = change.substances ?? [];
    if (change.domain === 'parenting_knowledge') draft.cryingMessages = change.cryingMessages ?? [];
  }
  if (draft.source === 'guided') draft.gaps = structuralGapRecords(draft);
  return SummaryDraft.parse(draft);
}
