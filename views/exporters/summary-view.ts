// A summary laid out as titled sections of lines: one structure behind the Markdown export, plain text and the card.
import { statementsOf, type Statement, type Summary, type SummaryDraft } from '../../records/model';
import { DOMAIN_IDS } from '../../records/practice-model';
import { DOMAIN_WORDING, t } from '../../prompts';
import { AGENCY_LABEL, CRYING_LABEL, FACTOR_LABEL, GAP_LABEL, LEVEL_LABEL, ROLE_LABEL, SEEN_LABEL, STATUS_LABEL } from '../../prompts/labels';
import type { ManRole } from '../../records/practice-model';

/** What the renderer needs beyond the summary: names for the heading, and the author's name (else their user id is shown). */
export interface SummaryContext { manName: string; manRole: ManRole; fictional: boolean; authorName?: string }

/** One section: a heading, label/value facts, and free lines. */
export interface Section { heading: string; facts: Array<[string, string]>; lines: string[] }

/** A rendered summary: title, subtitle and sections, still free of any output format. */
export interface SummaryLayout { title: string; subtitle: string; sections: Section[] }

const orNone = (s: string) => (s.trim() ? s : t('summary.none'));

/** Lays a summary (or a draft under review) out as sections, in the practice model's order. */
export function layoutSummary(s: SummaryDraft | Summary, ctx: SummaryContext): SummaryLayout {
  const stored = 'version' in s ? s : undefined;
  const title = t('summary.title', { man: ctx.manName, role: t(ROLE_LABEL[ctx.manRole]), ref: s.caseRef }) + (ctx.fictional ? ` — ${t('summary.fictional')}` : '');
  const subtitle = stored
    ? t('summary.version', { version: stored.version, corrects: stored.corrects ? t('summary.corrects', { version: stored.corrects }) : '', author: ctx.authorName ?? stored.author, date: stored.createdAt.slice(0, 10) })
    : t('summary.draft');
  const contact: Section = {
    heading: t('summary.contact'),
    facts: [
      [t('summary.date'), s.contact.date],
      [t('summary.location'), s.contact.location],
      [t('summary.present'), s.contact.present],
      [t('summary.seen'), t(SEEN_LABEL[s.contact.seenStatus])],
      ...(s.contact.notSeenReason ? [[t('summary.notSeenReason'), s.contact.notSeenReason] as [string, string]] : []),
    ],
    lines: [],
  };
  // Each statement shows its own source (issue 15.6); what the paste path never asked shows as "not asked", never "none".
  const unasked = (v: string) => (v.trim() ? v : s.source === 'notes' ? t('summary.notAsked') : t('summary.none'));
  const domains: Section[] = DOMAIN_IDS.map((id) => {
    const e = s.domains[id];
    const said = statementsOf(e);
    const facts: Array<[string, string]> = [];
    if (e.status === 'absent') {
      facts.push([t('summary.notExploredReason'), e.notExploredReason?.trim() || (s.source === 'notes' ? t('summary.notAsked') : t('summary.none'))]);
      // Why the account too: what was written before "not explored" is kept (issue 15 item 7) and must show.
      if (e.account.trim() && !e.statements.length) facts.push([t('summary.account'), e.account]);
    } else {
      if (!e.statements.length) facts.push([t('summary.account'), e.account]);
      facts.push([t('summary.strengths'), unasked(e.strengths)], [t('summary.concerns'), unasked(e.concerns)]);
      if (e.notExploredReason) facts.push([t('summary.notExploredReason'), e.notExploredReason]);
    }
    if (e.evidence.length && !e.statements.length) facts.push([t('summary.evidence'), e.evidence.join(' / ')]);
    const heading = e.status === 'absent' && !said.length && !e.notExploredReason && s.source === 'notes' ? t('summary.notAsked') : t(STATUS_LABEL[e.status]);
    return { heading: `${DOMAIN_WORDING[id].title} — ${heading}`, facts, lines: e.statements.map(statementLine) };
  });
  const notRecorded = t('summary.notRecorded');
  const substances = s.substances.map((x) =>
    t('summary.substanceLine', {
      substance: x.substance, frequency: x.frequency || notRecorded, amount: x.amount || notRecorded, spend: x.spend || notRecorded,
      level: t(LEVEL_LABEL[x.level]), screen: x.screen ? t('summary.screen', { instrument: x.screen.instrument, score: x.screen.score, band: x.screen.band }) : '',
    }),
  );
  const list = (items: string[]) => (items.length ? items : [t('summary.none')]);
  const sections: Section[] = [
    contact,
    ...domains,
    { heading: t('summary.substances'), facts: [], lines: list(substances) },
    { heading: t('summary.crying'), facts: [], lines: list(s.cryingMessages.map((c) => t(CRYING_LABEL[c]))) },
    {
      heading: t('summary.infoSought'),
      facts: [[t('summary.infoSought'), orNone(s.infoSought.agencies.map((a) => t(AGENCY_LABEL[a])).join(', '))], [t('summary.consent'), t(`summary.consent_${s.infoSought.consentGiven}`)]],
      lines: [],
    },
    { heading: t('summary.reflection'), facts: [], lines: [t(`summary.anxious_${s.reflection.anxious}`)] },
    { heading: t('summary.factors'), facts: [], lines: list(s.factors.map((f) => t(FACTOR_LABEL[f]))) },
    { heading: t('summary.gaps'), facts: [], lines: list(s.gaps.map((g) => t(GAP_LABEL[g.code], { domain: g.domain ? DOMAIN_WORDING[g.domain].title : '' }) + (g.answer ? ` → ${g.answer}` : ''))) },
    { heading: t('summary.actions'), facts: [], lines: list(s.actions) },
  ];
  return { title, subtitle, sections };
}

/** One statement and whose it is: "…" (his own account) or "…" (second-hand: Shannon). */
export function statementLine(st: Statement): string {
  return t('summary.statementLine', { text: st.text, source: st.source === 'him' ? t('summary.sourceHim') : st.by ? t('summary.sourceBy', { by: st.by }) : t('summary.sourceSomeone') });
}
