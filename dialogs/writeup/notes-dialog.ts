// The pasted-notes path: analyse the notes locally, show coverage, then ask follow-ups only for what is missing.
import { ChoiceFactory, DialogTurnResult, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { analyzeNote, type AnalysisResult, type KnownPerson } from '../../analysis';
import { DomainEntry, GapRecord, SubstanceEntry } from '../../records/model';
import { DOMAIN_IDS, type DomainId, type DomainStatus, type FactorId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { GAP_LABEL, STATUS_LABEL } from '../../prompts/labels';
import { coverageMessage } from '../../views/cards/coverage-card';
import { SeenDialog } from '../base-dialog';
import { globalCommand, normalise } from '../commands';
import { nonEmptyText } from '../validators';
import type { DomainOutcome } from '../domains/domain-dialog';
import { channelOf } from '../../views/channels';
import { bag } from '../step-values';

/** Dialog id of the notes path. */
export const NOTES_DIALOG = 'notes';
/** Whose notes these are: his name, the other people's (mother, baby, other men), and those whose role is known. */
export interface NotesOptions { manName: string; otherNames: string[]; people?: KnownPerson[] }
/** What the practitioner said to one follow-up. */
type FollowUp = { kind: 'answer'; text: string } | { kind: 'notExplored'; reason: string } | { kind: 'covered' };
/** What the notes path hands back: the same outcomes as the guided path, plus what the analysis found. */
export interface NotesOutcome { outcomes: Record<DomainId, DomainOutcome>; factors: FactorId[]; gaps: GapRecord[] }
interface LoopState { queue: DomainId[]; statuses: Partial<Record<DomainId, DomainStatus>>; answers: Partial<Record<DomainId, FollowUp>> }

const MAIN = 'main';
const LOOP = 'followUps';
const TEXT = 'text';

/** Reads pasted notes about him and asks only about the gaps. */
export class NotesDialog extends SeenDialog<NotesOptions> {
  protected readonly where = t('notes.where');

  constructor() {
    super(NOTES_DIALOG);
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    this.addDialog(new WaterfallDialog(MAIN, [this.askNotes.bind(this), this.analyse.bind(this), this.finish.bind(this)]));
    this.addDialog(new WaterfallDialog(LOOP, [this.askFollowUp.bind(this), this.askReasonIfSkipped.bind(this), this.record.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: ask for the notes.
  private async askNotes(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TEXT, { prompt: t('notes.askNotes'), retryPrompt: t('common.empty') });
  }

  // Step: analyse on this machine, show the coverage, then follow up each missing or second-hand domain.
  private async analyse(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { manName, otherNames, people } = step.options as NotesOptions;
    const name = firstName(manName);
    const known = (people ?? []).map((p) => ({ ...p, name: firstName(p.name) })).filter((p) => p.name && p.name !== name);
    const analysis = analyzeNote({ text: String(step.result), name, otherNames: otherNames.map(firstName).filter(Boolean), people: known });
    (bag<{ analysis: AnalysisResult }>(step) as { analysis: AnalysisResult }).analysis = analysis;
    const channel = channelOf(step.context.activity.channelId);
    await step.context.sendActivity(coverageMessage(manName, analysis.domains, channel.cards, channel.cardMarkdown));
    const queue = DOMAIN_IDS.filter((d) => analysis.domains[d].status !== 'covered');
    if (queue.length === 0) {
      await step.context.sendActivity(t('notes.nothingMissing'));
      return step.next({});
    }
    const statuses = Object.fromEntries(queue.map((d) => [d, analysis.domains[d].status]));
    return step.beginDialog(LOOP, { queue, statuses, answers: {} } satisfies LoopState);
  }

  // Step: build the same outcomes the guided path gives, with the gaps found and how each was answered.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { analysis } = bag<{ analysis: AnalysisResult }>(step) as { analysis: AnalysisResult };
    return step.endDialog(notesOutcome(analysis, step.result as LoopState['answers']));
  }

  // Loop step: the follow-up question for the next gap, with "in my notes" and "not explored" as buttons.
  private async askFollowUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue, statuses } = step.options as LoopState;
    const w = DOMAIN_WORDING[queue[0]];
    await step.context.sendActivity(t('notes.followUpIntro', { title: w.title, status: t(STATUS_LABEL[statuses[queue[0]] ?? 'absent']) }));
    return step.prompt(TEXT, { prompt: ChoiceFactory.suggestedAction([t('notes.alreadyCovered'), t('writeup.notExploredChoice')], w.followUp) });
  }

  // Loop step: "not explored" needs a reason; anything else goes straight on.
  private async askReasonIfSkipped(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = String(step.result).trim();
    (bag<{ answer: string }>(step) as { answer: string }).answer = answer;
    if (globalCommand(answer) !== 'skip' && normalise(answer) !== normalise(t('writeup.notExploredChoice'))) return step.next(null);
    const { queue } = step.options as LoopState;
    return step.prompt(TEXT, { prompt: t('writeup.askNotExploredReason', { title: DOMAIN_WORDING[queue[0]].title.toLowerCase() }) });
  }

  // Loop step: keep the answer (or correction) and move to the next gap.
  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue, statuses, answers } = step.options as LoopState;
    const answer = (bag<{ answer: string }>(step) as { answer: string }).answer;
    const followUp: FollowUp = step.result !== null ? { kind: 'notExplored', reason: String(step.result).trim() }
      : normalise(answer) === normalise(t('notes.alreadyCovered')) ? { kind: 'covered' } : { kind: 'answer', text: answer };
    if (followUp.kind === 'covered') await step.context.sendActivity(t('notes.correctedCovered', { title: DOMAIN_WORDING[queue[0]].title }));
    const next: LoopState = { queue: queue.slice(1), statuses, answers: { ...answers, [queue[0]]: followUp } };
    return next.queue.length ? step.replaceDialog(LOOP, next) : step.endDialog(next.answers);
  }
}

/** "Dan (fictional)" → "Dan": the analyser wants the name as a practitioner writes it. */
function firstName(name: string): string {
  return name.replace(/\(.*?\)/g, '').trim().split(/\s+/)[0] ?? '';
}

/** Merges the analysis with the follow-up answers into domain outcomes, substances, crying messages, factors and gaps. */
export function notesOutcome(a: AnalysisResult, answers: Partial<Record<DomainId, FollowUp>>): NotesOutcome {
  const outcomes = {} as Record<DomainId, DomainOutcome>;
  for (const d of DOMAIN_IDS) {
    const found = a.domains[d];
    const f = answers[d];
    const evidence = found.evidence;
    const entry = f?.kind === 'answer' ? { status: 'covered', account: [f.text, ...evidence].join(' '), evidence }
      : f?.kind === 'notExplored' ? { status: 'absent', notExploredReason: f.reason, evidence }
      : f?.kind === 'covered' ? { status: 'covered', account: evidence.join(' '), evidence }
      : { status: found.status, account: evidence.join(' '), evidence };
    outcomes[d] = { domain: d, entry: DomainEntry.parse(entry) };
  }
  outcomes.substance_use.substances = a.facts.substances.map((s) =>
    SubstanceEntry.parse({ substance: s.substance, frequency: s.frequency ?? '', amount: s.amount ?? '', spend: s.spend ?? '', level: s.level }),
  );
  outcomes.parenting_knowledge.cryingMessages = a.facts.cryingMessages.map((c) => c.id);
  const answerText = (f: FollowUp | undefined) => (!f ? null : f.kind === 'answer' ? f.text : f.kind === 'notExplored' ? `${t('writeup.notExploredChoice')}: ${f.reason}` : t('notes.alreadyCovered'));
  const gaps = a.gaps.map((g) =>
    GapRecord.parse({ code: g.code, domain: g.domain ?? null, message: t(GAP_LABEL[g.code], { domain: g.domain ? DOMAIN_WORDING[g.domain].title : '' }), answer: g.domain ? answerText(answers[g.domain]) : null }),
  );
  return { outcomes, factors: a.facts.factors.map((f) => f.id), gaps };
}
