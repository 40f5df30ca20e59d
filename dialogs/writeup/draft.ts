// Turning a write-up's answers into the structured, validated summary draft, with the gaps that follow from it.
import { randomUUID } from 'node:crypto';
import { parseActionLine, type OpenAction } from '../../records/actions';
import { emptyDomains, GapRecord, SummaryDraft, type ContactDetails, type Domains, type InfoSought } from '../../records/model';
import type { DomainId, FactorId } from '../../records/practice-model';
import { structuralGaps } from '../../records/gaps';
import { DOMAIN_WORDING, t } from '../../prompts';
import { GAP_LABEL } from '../../prompts/labels';
import { isNone } from '../commands';
import type { CaseChoice } from './case-dialog';
import type { DomainOutcome } from '../domains/domain-dialog';
import type { NotesOutcome } from './notes-dialog';
import type { ReflectionOutcome } from './reflection-dialog';

/** Everything the write-up collects, step by step, in its dialog state. */
export interface WriteUpValues {
  choice: CaseChoice; contact: ContactDetails; outcomes: Partial<Record<DomainId, DomainOutcome>>; notes?: NotesOutcome; factors: FactorId[];
  info: InfoSought; reflection: ReflectionOutcome; draft: SummaryDraft; userId: string; summaryId: string;
  openActions?: OpenAction[]; actionsDone?: string[];
}

/** The "actions agreed" answer as lines, and as items owned by `owner` (the practitioner) with any "by yyyy-mm-dd" due date. */
export function actionsFrom(text: string, owner: string): { actions: string[]; actionItems: NonNullable<SummaryDraft['actionItems']> } {
  const actions = isNone(text) ? [] : text.split(/\r?\n/).map((a) => a.replace(/^\s*[-*•]\s*/, '').trim()).filter(Boolean);
  return { actions, actionItems: actions.map((line) => ({ id: randomUUID(), ownerId: owner, ...parseActionLine(line) })) };
}

/** Which open actions an answer marks done: the numbers listed ("1, 3"), "all", or none. */
export function doneFrom(text: string, open: readonly OpenAction[]): string[] {
  if (/^\s*all\s*$/i.test(text)) return open.map((a) => a.id);
  const picked = new Set((text.match(/\d+/g) ?? []).map(Number).filter((n) => n >= 1 && n <= open.length));
  return [...picked].sort((a, b) => a - b).map((n) => open[n - 1]!.id);
}

/** Turns the collected answers into a validated draft, with the gaps that follow from it. */
export function buildDraft(v: Omit<WriteUpValues, 'draft' | 'summaryId'>, actionsText: string): SummaryDraft {
  const domains: Domains = emptyDomains();
  const substances = [];
  const cryingMessages = [];
  for (const o of Object.values(v.outcomes)) {
    if (!o) continue;
    domains[o.domain] = o.entry;
    substances.push(...(o.substances ?? []));
    cryingMessages.push(...(o.cryingMessages ?? []));
  }
  const { actions, actionItems } = actionsFrom(actionsText, v.userId);
  if (v.reflection.addJointVisit) {
    actions.push(t('writeup.jointVisitAction'));
    actionItems.push({ id: randomUUID(), ownerId: v.userId, text: t('writeup.jointVisitAction'), dueOn: null });
  }
  const source = v.notes ? ('notes' as const) : ('guided' as const);
  const base = {
    caseRef: v.choice.case.ref, manId: v.choice.man.id, source, contact: v.contact, domains, substances, cryingMessages, infoSought: v.info,
    reflection: v.reflection.reflection, factors: v.factors, actions, actionItems, actionsDone: v.actionsDone ?? [],
  };
  const structural = structuralGapRecords(SummaryDraft.parse(base));
  // The notes path keeps what the analysis found (with answers), plus a combination the practitioner's own picks now make.
  // Agencies or consent recorded after the analysis settle its "no information sought" gap.
  const sought = v.info.agencies.length > 0 || v.info.consentGiven !== null;
  const notesGaps = v.notes?.gaps.filter((g) => !(g.code === 'INFO_NOT_SOUGHT' && sought)) ?? [];
  const gaps = v.notes ? [...notesGaps, ...structural.filter((g) => g.code === 'FACTORS_COMBINE' && !v.notes!.gaps.some((n) => n.code === g.code))] : structural;
  return SummaryDraft.parse({ ...base, gaps });
}

/** The gaps that follow from a guided record, worded for the summary. */
export function structuralGapRecords(draft: SummaryDraft): GapRecord[] {
  return structuralGaps(draft).map((g) => GapRecord.parse({ ...g, message: t(GAP_LABEL[g.code], { domain: g.domain ? DOMAIN_WORDING[g.domain].title : '' }) }));
}
