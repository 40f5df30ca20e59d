// The write-up job: case and man, contact, eight domains, factors, agencies, reflection, actions, review, save.
import { randomUUID } from 'node:crypto';
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, ListStyle, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Reflection, type ContactDetails, type InfoSought } from '../../records/model';
import type { CaseRecords } from '../../records/repository';
import type { FactorId } from '../../records/practice-model';
import { t } from '../../prompts';
import type { NoteAnalyser } from '../../analysis/analyser';
import { SeenDialog } from '../base-dialog';
import { nonEmptyText } from '../validators';
import { bag } from '../step-values';
import { buildDraft, doneFrom, type WriteUpValues as Values } from './draft';
import { openActions } from '../../records/actions';
import { savedOrRefused, scopedRecords } from '../scoped';
import { CASE_DIALOG, CaseDialog, type CaseChoice, type CaseDialogOptions } from './case-dialog';
import { CONTACT_DIALOG, ContactDialog } from './contact-dialog';
import { DOMAINS_DIALOG, DomainsDialog } from '../domains/domains-dialog';
import { INFO_SOUGHT_DIALOG, InfoSoughtDialog } from './info-sought-dialog';
import { FACTORS_DIALOG, FactorsDialog, type FactorsOptions } from './factors-dialog';
import { REFLECTION_DIALOG, ReflectionDialog, type ReflectionOutcome } from './reflection-dialog';
import { NOTES_DIALOG, NotesDialog, type NotesOptions, type NotesOutcome } from './notes-dialog';
import { peopleFromPresent } from '../../analysis/steps/people';
import { REVIEW_DIALOG, ReviewDialog, type ReviewOptions, type ReviewOutcome, type ReviewSection } from './review-dialog';
import { createDomainDialogs } from '../domains';
import type { DomainOutcome } from '../domains/domain-dialog';
import type { SummaryDraft } from '../../records/model';

/** Dialog id of the write-up. */
export const WRITEUP_DIALOG = 'writeUp';
/** Who is writing up and, optionally, which case they named. */
export type WriteUpOptions = CaseDialogOptions;
/** What the write-up needs from the rest of Seen. */
export interface WriteUpDeps {
  records: CaseRecords;
  today: () => Date;
  /** Where pasted notes are read (default: in this thread; the running server passes its worker pool). */
  analyser?: NoteAnalyser;
}

const MAIN = 'main';
const TEXT = 'text';
const PATH = 'path';
const REVIEW_LOOP = 'reviewLoop';
/** The review loop's state: every answer so far, the actions as typed, the summary id fixed before the first review, and the part being changed. */
type LoopState = Values & { actionsText: string; changing?: ReviewSection };

/** The guided write-up; each part is its own dialog and this one only strings them together. */
export class WriteUpDialog extends SeenDialog<WriteUpOptions> {
  protected readonly where = t('writeup.whereWriteUp');

  constructor(private readonly deps: WriteUpDeps) {
    super(WRITEUP_DIALOG);
    if (!deps?.records || !deps?.today) throw new TypeError('WriteUpDialog needs records and a clock');
    this.addDialog(new CaseDialog(deps.records));
    this.addDialog(new ContactDialog(deps.today));
    this.addDialog(new DomainsDialog());
    this.addDialog(new InfoSoughtDialog());
    this.addDialog(new FactorsDialog());
    this.addDialog(new ReflectionDialog());
    this.addDialog(new ReviewDialog());
    this.addDialog(new NotesDialog(deps.analyser));
    // Why here too: "Change" on the review runs one topic's dialog again, outside the walk of all eight.
    for (const d of createDomainDialogs()) this.addDialog(d);
    this.addDialog(new WaterfallDialog(REVIEW_LOOP, [this.reviewDraft.bind(this), this.saveOrChange.bind(this), this.applyChange.bind(this)]));
    this.addDialog(new ChoicePrompt(PATH));
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(new WaterfallDialog(MAIN, [
      this.chooseCase.bind(this), this.contact.bind(this), this.choosePath.bind(this), this.domains.bind(this), this.factors.bind(this), this.infoSought.bind(this),
      this.reflection.bind(this), this.actionsDone.bind(this), this.actions.bind(this), this.review.bind(this), this.save.bind(this),
    ]));
    this.initialDialogId = MAIN;
  }

  // Step: which case and which man.
  private async chooseCase(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as WriteUpOptions;
    bag<Values>(step).userId = options.userId;
    return step.beginDialog(CASE_DIALOG, options);
  }

  // Step: name what is being written up, then the contact details.
  private async contact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!step.result) return step.endDialog();
    const choice = (bag<Values>(step).choice = step.result as CaseChoice);
    await step.context.sendActivity(t('writeup.started', { man: choice.man.name, ref: choice.case.ref, baby: choice.case.babyName }));
    return step.beginDialog(CONTACT_DIALOG, { manName: choice.man.name });
  }

  // Step: topic by topic, or paste the notes and be asked only about the gaps.
  private async choosePath(step: WaterfallStepContext): Promise<DialogTurnResult> {
    bag<Values>(step).contact = step.result as ContactDetails;
    return step.prompt(PATH, { prompt: t('notes.askPath'), choices: ChoiceFactory.toChoices([t('notes.pathGuided'), t('notes.pathNotes')]), style: ListStyle.suggestedAction });
  }

  // Step: the eight domains, guided or from the notes.
  private async domains(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result.index === 0) return step.beginDialog(DOMAINS_DIALOG);
    const { choice } = bag<Values>(step) as Values;
    const { userId } = bag<Values>(step) as Values;
    const others = (await (await scopedRecords(this.deps.records, userId)).listMen(choice.case.ref)).filter((m) => m.id !== choice.man.id).map((m) => m.name);
    // The people the write-up knows, with roles (issue 19): the baby, the other men on the case, and those present.
    const { contact } = bag<Values>(step) as Values;
    const people = [
      { name: choice.case.babyName, role: 'baby' as const },
      ...others.map((name) => ({ name, role: 'other_man' as const })),
      ...peopleFromPresent(contact.present, choice.man.name.split(/\s+/)[0] ?? ''),
    ];
    return step.beginDialog(NOTES_DIALOG, { manName: choice.man.name, otherNames: [choice.case.babyName, ...others], people, withRest: true } satisfies NotesOptions);
  }

  // Step: the factors recorded for him, starting from those the notes or a recorded misuse level already show.
  private async factors(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    if (step.result && 'gaps' in step.result) v.notes = step.result as NotesOutcome;
    v.outcomes = v.notes ? v.notes.outcomes : (step.result as Values['outcomes']);
    const misuse = Object.values(v.outcomes).some((o) => o?.substances?.some((x) => x.level === 'misuse' || x.level === 'dependence'));
    // The paste path's review card already asked the factors, agencies, reflection and actions (issue 15: one card, ≤ 10 turns).
    if (v.notes?.rest) return step.next(v.notes.rest.factors);
    const suggested: FactorId[] = [...(v.notes?.factors ?? []), ...(misuse ? (['substance_misuse'] as const) : [])];
    return step.beginDialog(FACTORS_DIALOG, { suggested } satisfies FactorsOptions);
  }

  // Step: information from other agencies.
  private async infoSought(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    v.factors = step.result as FactorId[];
    if (v.notes?.rest) return step.next(v.notes.rest.info);
    return step.beginDialog(INFO_SOUGHT_DIALOG);
  }

  // Step: the practitioner's own reflection.
  private async reflection(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    v.info = step.result as InfoSought;
    // Anxious about him: the reflection dialog still runs, to suggest a joint visit.
    if (v.notes?.rest && v.notes.rest.anxious !== true) return step.next({ reflection: Reflection.parse({ anxious: v.notes.rest.anxious }), addJointVisit: false } satisfies ReflectionOutcome);
    return step.beginDialog(REFLECTION_DIALOG);
  }

  // Step: earlier actions still open for him (if any): which are now done.
  private async actionsDone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    v.reflection = step.result as ReflectionOutcome;
    const summaries = await (await scopedRecords(this.deps.records, v.userId!)).latestSummaries(v.choice!.case.ref);
    const open = (v.openActions = openActions(summaries, v.choice!.man.id));
    if (open.length === 0) return step.next();
    const list = open.map((a, i) => t('writeup.openActionLine', { n: i + 1, text: a.text, agreed: a.agreedOn })).join('\n');
    return step.prompt(TEXT, { prompt: t('writeup.askActionsDone', { list }), retryPrompt: t('common.empty') });
  }

  // Step: actions agreed (each line may end "by yyyy-mm-dd"; the practitioner owns them).
  private async actions(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step);
    if (v.openActions?.length) {
      v.actionsDone = doneFrom(String(step.result ?? ''), v.openActions);
      await step.context.sendActivity(v.actionsDone.length ? t('writeup.actionsMarkedDone', { count: v.actionsDone.length }) : t('writeup.actionsNoneDone'));
    }
    if (v.notes?.rest) return step.next(v.notes.rest.actions || 'none');
    return step.prompt(TEXT, { prompt: t('writeup.askActions'), retryPrompt: t('common.empty') });
  }

  // Step: the review loop (review, change a part, review again) until saved or discarded.
  private async review(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    // The id is fixed before review, so a confirm repeated after a crash finds the summary already saved.
    return step.beginDialog(REVIEW_LOOP, { ...v, actionsText: String(step.result), summaryId: randomUUID() } satisfies Omit<LoopState, 'draft'>);
  }

  // Step: the loop's result is the write-up's.
  private async save(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  // Step (review loop): assemble the draft, find its gaps and show it for review, with a Change per part.
  private async reviewDraft(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.options as LoopState;
    const draft = buildDraft(v, v.actionsText);
    const context = { manName: v.choice.man.name, manRole: v.choice.man.role, fictional: v.choice.case.fictional };
    return step.beginDialog(REVIEW_DIALOG, { draft, context, changeable: true, summaryId: v.summaryId } satisfies ReviewOptions);
  }

  // Step (review loop): save on confirm, as a new summary (version 1); discard; or ask the part to change again.
  private async saveOrChange(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.options as LoopState;
    const outcome = step.result as ReviewOutcome;
    if (typeof outcome === 'object') {
      v.changing = outcome.change;
      if (outcome.change === 'contact') return step.beginDialog(CONTACT_DIALOG, { manName: v.choice.man.name });
      if (outcome.change === 'factors') return step.beginDialog(FACTORS_DIALOG, { suggested: v.factors } satisfies FactorsOptions);
      if (outcome.change === 'agencies') return step.beginDialog(INFO_SOUGHT_DIALOG);
      if (outcome.change === 'actions') return step.prompt(TEXT, { prompt: t('writeup.askActions'), retryPrompt: t('common.empty') });
      return step.beginDialog(outcome.change);
    }
    if (outcome !== true) {
      await step.context.sendActivity(t('writeup.discarded'));
      return step.endDialog();
    }
    const draft: SummaryDraft = buildDraft(v, v.actionsText);
    const saved = await savedOrRefused('write-up', async () => await (await scopedRecords(this.deps.records, v.userId)).saveSummary(draft, { summaryId: v.summaryId }));
    await step.context.sendActivity(t('writeup.saved', { version: saved.version, man: v.choice.man.name, ref: saved.caseRef }));
    return step.endDialog(saved);
  }

  // Step (review loop): put the changed part in place and review again.
  private async applyChange(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { changing, ...v } = step.options as LoopState;
    if (changing === 'contact') v.contact = step.result as ContactDetails;
    else if (changing === 'factors') v.factors = step.result as FactorId[];
    else if (changing === 'agencies') v.info = step.result as InfoSought;
    else if (changing === 'actions') v.actionsText = String(step.result);
    else if (changing) {
      const outcome = step.result as DomainOutcome;
      v.outcomes = { ...v.outcomes, [outcome.domain]: outcome };
      if (v.notes) v.notes = { ...v.notes, outcomes: { ...v.notes.outcomes, [outcome.domain]: outcome } };
    }
    return step.replaceDialog(REVIEW_LOOP, v);
  }
}
