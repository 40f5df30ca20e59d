// What the notes path saves: each topic's statements with their own sources, its status derived from them, and the gaps still open.
import type { AnalysisResult } from '../../analysis';
import { DomainEntry, GapRecord, Statement, statusFromStatements, SubstanceEntry, type InfoSought } from '../../records/model';
import { DOMAIN_IDS, type CryingMessageId, type DomainId, type FactorId } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { GAP_LABEL } from '../../prompts/labels';
import type { DomainOutcome } from '../domains/domain-dialog';

/** One topic as the notes path holds it: statements (note and answers), and a reason when the practitioner chose "not explored". */
export interface NotesTopic { statements: Statement[]; notExploredReason: string | null; answer: string | null }
/** What the notes path hands back: the same outcomes as the guided path, plus what the analysis found. */
export interface NotesOutcome { outcomes: Record<DomainId, DomainOutcome>; factors: FactorId[]; gaps: GapRecord[]; rest?: NotesRest }
/** The rest of the write-up when the review card asked it too: factors, agencies and consent, whether they felt anxious, actions. */
export interface NotesRest { factors: FactorId[]; info: InfoSought; anxious: boolean | null; actions: string }
/** What the follow-ups added beyond the notes: crying messages picked and substances asked about again. */
export interface NotesExtras { cryingMessages: CryingMessageId[] | null; substances: SubstanceEntry[] }

/** A topic's entry: status from its statements, "account" only his own words, nothing invented for strengths or concerns. */
export function topicEntry(topic: NotesTopic): DomainEntry {
  const status = statusFromStatements(topic.statements);
  const account = topic.statements.filter((s) => s.source === 'him').map((s) => s.text).join(' ');
  return DomainEntry.parse({ status, account, notExploredReason: topic.notExploredReason, evidence: topic.statements.map((s) => s.text), statements: topic.statements });
}

/** The gap a topic still has after the follow-ups: none once he gave his own account; second-hand or absent otherwise. */
function topicGap(d: DomainId, topic: NotesTopic): GapRecord | null {
  const status = statusFromStatements(topic.statements);
  if (status === 'covered') return null;
  const code = status === 'secondhand' ? 'OWN_ACCOUNT_MISSING' : 'DOMAIN_ABSENT';
  return GapRecord.parse({ code, domain: d, message: t(GAP_LABEL[code], { domain: DOMAIN_WORDING[d].title }), answer: topic.answer });
}

/** Merges the analysis, the reviewed topics and the follow-up answers into domain outcomes, substances, crying messages, factors and gaps. */
export function notesOutcome(a: AnalysisResult, topics: Record<DomainId, NotesTopic>, extras: NotesExtras): NotesOutcome {
  const outcomes = {} as Record<DomainId, DomainOutcome>;
  for (const d of DOMAIN_IDS) outcomes[d] = { domain: d, entry: topicEntry(topics[d]) };
  const asked = new Set(extras.substances.map((s) => s.substance));
  outcomes.substance_use.substances = [
    ...a.facts.substances.filter((s) => !asked.has(s.substance)).map((s) =>
      SubstanceEntry.parse({ substance: s.substance, frequency: s.frequency ?? '', amount: s.amount ?? '', spend: s.spend ?? '', level: s.level })),
    ...extras.substances,
  ];
  const fromNotes = a.facts.cryingMessages.map((c) => c.id);
  outcomes.parenting_knowledge.cryingMessages = [...new Set([...fromNotes, ...(extras.cryingMessages ?? [])])];
  const levelKnown = outcomes.substance_use.substances.every((s) => s.level !== 'unknown');
  const cryingDone = extras.cryingMessages !== null && extras.cryingMessages.length > 0;
  // Topic gaps are worked out again from the final statements; the analysis's other gaps stay unless the follow-ups settled them.
  const other = a.gaps.filter((g) => g.code !== 'DOMAIN_ABSENT' && g.code !== 'OWN_ACCOUNT_MISSING')
    .filter((g) => !(g.code === 'SUBSTANCE_LEVEL_UNKNOWN' && levelKnown && extras.substances.length) && !(g.code === 'CRYING_NOT_DISCUSSED' && cryingDone))
    .map((g) => GapRecord.parse({ code: g.code, domain: g.domain ?? null, message: t(GAP_LABEL[g.code], { domain: g.domain ? DOMAIN_WORDING[g.domain].title : '' }) }));
  const gaps = [...DOMAIN_IDS.map((d) => topicGap(d, topics[d])).filter((g): g is GapRecord => g !== null), ...other];
  return { outcomes, factors: a.facts.factors.map((f) => f.id), gaps };
}
