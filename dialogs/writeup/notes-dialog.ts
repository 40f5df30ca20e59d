// The pasted-notes path: analyse the notes locally, one review of every statement and its source, then ask only about what is still open.
import { ChoiceFactory, ChoicePrompt, DialogTurnResult, FoundChoice, ListStyle, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AnalysisResult, KnownPerson } from '../../analysis';
import { AnalysisUnavailableError, inThisThread, type NoteAnalyser } from '../../analysis/analyser';
import { InfoSought, Statement, SubstanceEntry } from '../../records/model';
import { AGENCY_IDS, CRYING_MESSAGE_IDS, DOMAIN_IDS, FACTOR_IDS, type CryingMessageId, type DomainId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { AGENCY_LABEL, FACTOR_LABEL, STATUS_LABEL } from '../../prompts/labels';
import { contentBudget, fitToBudget } from '../../views/budget';
import { applyNotesReview, notesReviewMessage, NotesReviewSubmit, sourceLabel, type ReviewGaps, type ReviewTopics } from '../../views/cards/notes-review-card';
import { channelOf } from '../../views/channels';
import { SeenDialog } from '../base-dialog';
import { globalCommand, normalise } from '../commands';
import { nonEmptyText } from '../validators';
import { bag } from '../step-values';
import { pickManyDialog, type PickState } from '../pick-many';
import { CRYING_OPTIONS } from '../domains/parenting-knowledge';
import { SubstanceDetailDialog, type SubstanceDetailOptions } from '../domains/substance-detail';
import { FREQUENCY_OPTIONS, isSkipped, recordSubstance, SUBSTANCE_NAMES, type SubstanceChoice } from '../domains/substance-options';
import { SCREEN_ITEMS } from '../domains/screen-items';
import { scoreScreen, screenFor } from '../../records/screens';
import { answerSource, motherNamedIn, topicStatements } from './statements';
import { notesOutcome, type NotesExtras, type NotesRest, type NotesTopic } from './notes-outcome';

export { notesOutcome, type NotesOutcome, type NotesRest } from './notes-outcome';
/** Dialog id of the notes path. */
export const NOTES_DIALOG = 'notes';
/** Whose notes these are: his name, the other people's (mother, baby, other men), and those whose role is known. */
export interface NotesOptions { manName: string; otherNames: string[]; people?: KnownPerson[]; /** Ask the rest of the write-up on the review card too. */ withRest?: boolean }
type Topics = Record<DomainId, NotesTopic>;
interface Values { analysis: AnalysisResult; topics: Topics; his: string; people: KnownPerson[]; extras: NotesExtras; viaCard?: boolean; rest?: NotesRest }
interface SubstanceLoop { queue: SubstanceChoice[]; entries: SubstanceEntry[] }
interface LoopState { queue: DomainId[]; topics: Topics; his: string; people: KnownPerson[]; retried: boolean }
interface LoopValues { answer: string; source?: Pick<Statement, 'source' | 'by'> | null; pointed?: boolean }

const MAIN = 'main';
const LOOP = 'followUps';
const TEXT = 'text';
const REVIEW = 'review';
const SOURCE = 'source';
const CRYING = 'crying';
const CRYING_CHOICE = 'cryingChoice';
const SUBSTANCE = 'substance';
const SUBSTANCES = 'substances';

/** Reads pasted notes about him, shows every statement with its source, and asks only about the gaps. */
export class NotesDialog extends SeenDialog<NotesOptions> {
  protected readonly where = t('notes.where');

  /** `analyser`: where notes are read (the composition root passes the worker pool; tests read them in this thread). */
  constructor(private readonly analyser: NoteAnalyser = inThisThread) {
    super(NOTES_DIALOG);
    this.addDialog(new TextPrompt(TEXT, nonEmptyText));
    // The review waits for Seen's own card submission; typed text goes on with the notes as read.
    this.addDialog(new TextPrompt(REVIEW, async (p) => NotesReviewSubmit.safeParse(p.context.activity.value).success || (await nonEmptyText(p))));
    this.addDialog(new ChoicePrompt(SOURCE));
    this.addDialog(new ChoicePrompt(CRYING_CHOICE));
    this.addDialog(pickManyDialog({ id: CRYING, choicePrompt: CRYING_CHOICE, options: CRYING_OPTIONS, first: 'parenting.askCrying', more: 'parenting.cryingMore', done: 'parenting.done', none: 'parenting.none' }));
    this.addDialog(new SubstanceDetailDialog(SUBSTANCE));
    this.addDialog(new WaterfallDialog(MAIN, [this.askNotes.bind(this), this.analyse.bind(this), this.applyReview.bind(this), this.askCrying.bind(this),
      this.askSubstances.bind(this), this.finish.bind(this)]));
    this.addDialog(new WaterfallDialog(SUBSTANCES, [this.beginSubstance.bind(this), this.keepSubstance.bind(this)]));
    this.addDialog(new WaterfallDialog(LOOP, [this.askFollowUp.bind(this), this.askMore.bind(this), this.record.bind(this)]));
    this.initialDialogId = MAIN;
  }

  // Step: ask for the notes.
  private async askNotes(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(TEXT, { prompt: t('notes.askNotes'), retryPrompt: t('common.empty') });
  }

  // Step: analyse on this machine with every person the write-up knows, then show each statement and its source for review.
  private async analyse(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { manName, otherNames, people } = step.options as NotesOptions;
    const his = firstName(manName);
    const text = String(step.result);
    const named = motherNamedIn(text);
    const given = (people ?? []).map((p) => ({ ...p, name: firstName(p.name) }));
    // "Mum (Shannon)" in the notes themselves names the mother when the write-up was not told.
    if (named && !given.some((p) => p.role === 'mother')) given.push({ name: named, role: 'mother' });
    const known = dedupe(given.filter((p) => p.name && p.name !== his));
    let analysis: AnalysisResult;
    try {
      analysis = await this.analyser.analyse({ text, name: his, otherNames: otherNames.map(firstName).filter(Boolean), people: known });
    } catch (err) {
      if (!(err instanceof AnalysisUnavailableError)) throw err;
      // Nothing was taken from the notes: say so and ask for them again (the practitioner still has them in the chat above).
      await step.context.sendActivity(t('notes.analysisUnavailable'));
      return step.replaceDialog(MAIN, step.options);
    }
    const topics = Object.fromEntries(DOMAIN_IDS.map((d) => {
      const { statements } = topicStatements(analysis.domains[d].evidence, analysis.domains[d].status, his, known);
      return [d, { statements, notExploredReason: null, answer: null } satisfies NotesTopic];
    })) as Topics;
    Object.assign(bag<Values>(step), { analysis, topics, his, people: known, extras: { cryingMessages: null, substances: [] } } satisfies Values);
    const channel = channelOf(step.context.activity.channelId);
    const cards = channel.cards;
    const gaps = cards ? reviewGaps(analysis, (step.options as NotesOptions).withRest === true) : undefined;
    const review = (clipAt: number) => notesReviewMessage(manName, reviewTopics(topics), tellers(known, topics), cards, gaps, clipAt);
    await step.context.sendActivity(cards ? fitToBudget(review, contentBudget(channel)) : review(Infinity));
    if (!cards) return step.next(null);
    return step.prompt(REVIEW, { prompt: undefined, retryPrompt: t('common.empty') });
  }

  // Step: keep the card's edits (validated), then follow up each topic still without his own account.
  private async applyReview(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    const submit = NotesReviewSubmit.safeParse(step.context.activity.value);
    if (step.result !== null && submit.success) {
      const edited = applyNotesReview(reviewTopics(v.topics), submit.data);
      for (const d of DOMAIN_IDS) v.topics[d] = { ...v.topics[d], statements: edited[d] };
      // The card asked every gap itself (blank = not asked), so nothing is asked again turn by turn.
      v.viaCard = true;
      v.extras = extrasFromCard(v.analysis, submit.data);
      if ((step.options as NotesOptions).withRest) v.rest = restFromCard(submit.data);
      await step.context.sendActivity(t('notes.reviewSaved'));
      return step.next(v.topics);
    }
    const queue = DOMAIN_IDS.filter((d) => !v.topics[d].statements.some((s) => s.source === 'him'));
    if (queue.length === 0) return step.next(v.topics);
    return step.beginDialog(LOOP, { queue, topics: v.topics, his: v.his, people: v.people, retried: false } satisfies LoopState);
  }

  // Step: the crying messages, unless the notes name one discussed with him ("Leo won't settle" is not a message discussed).
  private async askCrying(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    v.topics = step.result as Topics;
    if (v.viaCard || v.analysis.facts.cryingMessages.length > 0) return step.next(null);
    await step.context.sendActivity(t('notes.askCrying'));
    return step.beginDialog(CRYING, { picked: [] } satisfies PickState<CryingMessageId>);
  }

  // Step: each substance whose level the notes leave open: how often, how much, spend, and AUDIT-C or CUDIT-R, as in the guided path.
  private async askSubstances(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    if (Array.isArray(step.result)) v.extras.cryingMessages = CRYING_MESSAGE_IDS.filter((id) => (step.result as CryingMessageId[]).includes(id));
    const queue = [...new Set(v.analysis.facts.substances.filter((s) => s.level === 'unknown').map((s) => choiceOf(s.substance)))];
    if (v.viaCard || queue.length === 0) return step.next(v.extras.substances);
    return step.beginDialog(SUBSTANCES, { queue, entries: [] } satisfies SubstanceLoop);
  }

  // Step: build the same outcomes the guided path gives.
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = bag<Values>(step) as Values;
    v.extras.substances = step.result as SubstanceEntry[];
    return step.endDialog({ ...notesOutcome(v.analysis, v.topics, v.extras), ...(v.rest ? { rest: v.rest } : {}) });
  }

  // Substance loop step: the details of the next substance.
  private async beginSubstance(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(SUBSTANCE, { substance: (step.options as SubstanceLoop).queue[0]! } satisfies SubstanceDetailOptions);
  }

  // Substance loop step: keep the entry ("not explored" keeps the notes' own reading) and go on.
  private async keepSubstance(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue, entries } = step.options as SubstanceLoop;
    const next: SubstanceLoop = { queue: queue.slice(1), entries: isSkipped(step.result) ? entries : [...entries, step.result as SubstanceEntry] };
    return next.queue.length ? step.replaceDialog(SUBSTANCES, next) : step.endDialog(next.entries);
  }

  // Loop step: the follow-up question for the next gap, with "in my notes" and "not explored" as buttons.
  private async askFollowUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue, topics } = step.options as LoopState;
    const d = queue[0]!;
    const status = topics[d].statements.length ? t(STATUS_LABEL.secondhand) : t('notes.notAsked');
    await step.context.sendActivity(t('notes.followUpIntro', { title: DOMAIN_WORDING[d].title, status }));
    return step.prompt(TEXT, { prompt: ChoiceFactory.suggestedAction([t('notes.alreadyCovered'), t('writeup.notExploredChoice')], DOMAIN_WORDING[d].followUp) });
  }

  // Loop step: "not explored" asks why; "in my notes" points to the sentences relied on; an answer whose source is unclear asks whose it is.
  private async askMore(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue, topics, his, people, retried } = step.options as LoopState;
    const d = queue[0]!;
    const answer = String(step.result).trim();
    const lv = bag<LoopValues>(step) as LoopValues;
    lv.answer = answer;
    const title = DOMAIN_WORDING[d].title;
    if (globalCommand(answer) === 'skip' || normalise(answer) === normalise(t('writeup.notExploredChoice'))) {
      return step.prompt(TEXT, { prompt: t('writeup.askNotExploredReason', { title: title.toLowerCase() }) });
    }
    if (normalise(answer) === normalise(t('notes.alreadyCovered'))) {
      const relied = topics[d].statements;
      if (relied.length) {
        const lines = relied.map((s) => t('notes.reliedOnLine', { sentence: s.text, source: sourceLabel(s) })).join('\n');
        await step.context.sendActivity(t('notes.reliedOn', { title, lines }));
        lv.pointed = true;
        return step.next(null);
      }
      if (!retried) {
        await step.context.sendActivity(t('notes.nothingInNotes', { title }));
        return step.replaceDialog(LOOP, { ...(step.options as LoopState), retried: true });
      }
      await step.context.sendActivity(t('notes.recordedNotAsked', { title }));
      lv.pointed = true;
      return step.next(null);
    }
    lv.source = answerSource(answer, his, people);
    if (lv.source) return step.next(null);
    const adults = people.filter((p) => p.role !== 'baby').map((p) => p.name);
    const choices = [t('notes.sourceHim'), ...adults.map((by) => t('notes.sourceBy', { by })), t('notes.someoneElse')];
    return step.prompt(SOURCE, { prompt: t('notes.askSource'), choices: ChoiceFactory.toChoices(choices), style: ListStyle.suggestedAction });
  }

  // Loop step: keep the answer with its source (or the reason, or the pointer) and move to the next gap.
  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { queue, topics } = step.options as LoopState;
    const d = queue[0]!;
    const lv = bag<LoopValues>(step) as LoopValues;
    const topic = topics[d];
    let next: NotesTopic;
    if (lv.pointed) next = { ...topic, answer: topic.statements.length ? topic.statements.map((s) => s.text).join(' ') : null };
    else if (lv.source === undefined && typeof step.result === 'string') next = { ...topic, notExploredReason: step.result.trim(), answer: `${t('writeup.notExploredChoice')}: ${step.result.trim()}` };
    else {
      const found = step.result as FoundChoice | null;
      const adults = (step.options as LoopState).people.filter((p) => p.role !== 'baby').map((p) => p.name);
      const source = lv.source ?? (found?.index === 0 ? { source: 'him' as const, by: null } : { source: 'secondhand' as const, by: adults[(found?.index ?? 0) - 1] ?? null });
      const statement = Statement.parse({ text: lv.answer, ...source });
      await step.context.sendActivity(t('notes.sourceNoted', { title: DOMAIN_WORDING[d].title, source: sourceLabel(statement) }));
      next = { ...topic, statements: [...topic.statements, statement], answer: lv.answer };
    }
    const state: LoopState = { ...(step.options as LoopState), queue: queue.slice(1), topics: { ...topics, [d]: next }, retried: false };
    return state.queue.length ? step.replaceDialog(LOOP, state) : step.endDialog(state.topics);
  }
}

/** "Dan (fictional)" → "Dan": the analyser wants the name as a practitioner writes it. */
function firstName(name: string): string {
  return name.replace(/\(.*?\)/g, '').trim().replace(/^(?:baby)\s+/i, '').split(/\s+/)[0] ?? '';
}

/** One entry per name: the first role given wins (the case's own roles come first). */
function dedupe(people: KnownPerson[]): KnownPerson[] {
  return people.filter((p, i) => people.findIndex((q) => q.name === p.name) === i);
}

/** The analyser's substance name as the guided path's choice ("alcohol", "cannabis", "cocaine", else another drug). */
function choiceOf(substance: string): SubstanceChoice {
  return substance === 'alcohol' || substance === 'cannabis' || substance === 'cocaine' ? substance : 'other';
}

const reviewTopics = (topics: Topics): ReviewTopics => Object.fromEntries(DOMAIN_IDS.map((d) => [d, topics[d].statements])) as ReviewTopics;
const tellers = (people: readonly KnownPerson[], topics: Topics) =>
  [...people.filter((p) => p.role !== 'baby').map((p) => p.name), ...DOMAIN_IDS.flatMap((d) => topics[d].statements.map((s) => s.by ?? ''))];

/** The gaps the card asks: crying messages unless the notes name one, and each substance whose level is unknown, with its screen. */
export function reviewGaps(a: AnalysisResult, withRest: boolean): ReviewGaps {
  const crying = a.facts.cryingMessages.length ? null : CRYING_OPTIONS.map((o) => ({ title: t(o.label), value: o.id }));
  const substances = [...new Set(a.facts.substances.filter((s) => s.level === 'unknown').map((s) => s.substance))].map((id) => {
    const choice = choiceOf(id);
    const instrument = screenFor(id);
    return {
      id, name: choice === 'other' ? id : t(SUBSTANCE_NAMES[choice]),
      frequencies: FREQUENCY_OPTIONS.map((o) => ({ title: t(o.label), value: o.id })),
      screen: instrument ? SCREEN_ITEMS[instrument].map((item) => ({ question: t(item.question), options: item.options.map((o, i) => ({ title: t(o), value: String(i) })) })) : [],
    };
  });
  const yesNo = [{ title: t('common.yes'), value: 'yes' }, { title: t('common.no'), value: 'no' }];
  const rest = withRest ? {
    factors: FACTOR_IDS.map((id) => ({ title: t(FACTOR_LABEL[id]), value: id })), factorsPicked: a.facts.factors.map((f) => f.id),
    agencies: AGENCY_IDS.map((id) => ({ title: t(AGENCY_LABEL[id]), value: id })), agenciesPicked: [...new Set(a.facts.infoSought.map((x) => x.agency))],
    yesNo, consent: [...yesNo, { title: t('writeup.consentNotAsked'), value: 'not_asked' }],
  } : undefined;
  return { crying, substances, ...(rest ? { rest } : {}) };
}

/** The rest of the write-up from the card; only ids Seen offered are kept. */
function restFromCard(submit: NotesReviewSubmit): NotesRest {
  const ids = <T extends string>(field: string | undefined, allowed: readonly T[]) => (field ?? '').split(',').map((x) => x.trim()).filter((x): x is T => (allowed as readonly string[]).includes(x));
  const yesNo = (x: string | undefined) => (x === 'yes' ? true : x === 'no' ? false : null);
  return {
    factors: FACTOR_IDS.filter((f) => ids(submit.factors, FACTOR_IDS).includes(f)),
    info: InfoSought.parse({ agencies: ids(submit.agencies, AGENCY_IDS), consentGiven: yesNo(submit.consent) }),
    anxious: yesNo(submit.anxious), actions: (submit.actions ?? '').trim(),
  };
}

/** The crying messages and substance details the card submitted; what was left blank stays as the notes had it (not asked). */
function extrasFromCard(a: AnalysisResult, submit: NotesReviewSubmit): NotesExtras {
  const crying = (submit.crying ?? '').split(',').map((x) => x.trim()).filter((x): x is CryingMessageId => (CRYING_MESSAGE_IDS as readonly string[]).includes(x));
  const substances: SubstanceEntry[] = [];
  for (const id of new Set(a.facts.substances.filter((s) => s.level === 'unknown').map((s) => s.substance))) {
    const freq = FREQUENCY_OPTIONS.find((o) => o.id === submit[`freq.${id}`])?.id;
    const [amount, spend] = [(submit[`amount.${id}`] ?? '').trim(), (submit[`spend.${id}`] ?? '').trim()];
    const instrument = screenFor(id);
    const items = instrument ? SCREEN_ITEMS[instrument].map((_, i) => Number.parseInt(submit[`screen.${id}.${i}`] ?? '', 10)) : [];
    const screen = instrument && items.length && items.every((n) => Number.isInteger(n) && n >= 0) ? scoreScreen(instrument, items) : null;
    if (!freq && !amount && !spend && !screen) continue;
    const choice = choiceOf(id);
    const display = choice === 'other' ? id : t(SUBSTANCE_NAMES[choice]);
    substances.push(recordSubstance({ substance: id, display, frequency: freq ?? 'not_known', amount, spend, signs: [] }, screen).entry);
  }
  return { cryingMessages: crying.length ? crying : null, substances };
}
