// Step: each domain's status — covered (his account / observation), secondhand (others), or absent.
import { DOMAIN_IDS, type DomainId, type FactorId } from '../../records/practice-model';
import { list } from '../lexicon/load';
import { DOMAIN_CUES } from '../lexicon/domains';
import { ANOTHER_TIME, REPORT_VERBS, VAGUE } from '../lexicon/modality';
import { NOT_ALCOHOL } from '../lexicon/substances';
import type { Clause, Ctx, DomainClause, DomainResult, Who } from '../types';
import { agentOf, isHim, whoAt } from './attribution';

/** The combining factor whose cues are also cues of a domain: "kicked the neighbour's car door" is his frustration too. */
const DOMAIN_FACTOR: Partial<Record<DomainId, FactorId>> = {
  life_history: 'childhood_adversity', frustration_coping: 'anger_frustration', relationship_safety: 'domestic_abuse',
  pressures: 'external_pressures', mental_health: 'mental_ill_health',
};
const cuesOf = (d: DomainId) => [...DOMAIN_CUES[d], ...(DOMAIN_FACTOR[d] ? list('facts', `FACTOR_CUES.${DOMAIN_FACTOR[d]}`) : [])];
const CUE_RX = Object.fromEntries(DOMAIN_IDS.map((d) => [d, new RegExp(`\\b(?:${cuesOf(d).join('|')})\\b`, 'gi')])) as Record<DomainId, RegExp>;
/** The domain's own cues alone, matched against a whole cue (to tell a factor's cue from the domain's). */
const OWN_CUE = Object.fromEntries(DOMAIN_IDS.map((d) => [d, new RegExp(`^(?:${DOMAIN_CUES[d].join('|')})$`, 'i')])) as Record<DomainId, RegExp>;
const VAGUE_OBJECT = new RegExp(`(?:${VAGUE.join('|')})(?:\\s+(?:about|re|regarding|with|around|for|in|on|to)\\b[^,;]*)?`, 'gi');
/** He told the writer directly ("he told me", "said to me"): when he was not seen at this contact, that was another time. */
const TOLD_WRITER = /\b(?:told|said to|disclosed to|explained to|admitted to) (?:me|us)\b/;
const REPORT_RX = new RegExp(`\\b(?:${REPORT_VERBS})\\b(?:\\s+(?:me|us|that))?`, 'i');

const FATHER_NOW = /\b(?:died|passed away|funeral|cares? for|caring for|looks? after|looking after)\b/;
const KIN = /^(?:his|my) (?:own )?(?:mum|mother|mam|family|nan|grandparents|siblings|brothers?|sisters?)\b/;

const REPORT_WORD = new RegExp(`^(?:${REPORT_VERBS})$`, 'i');

/** A mention of his family that is his history: in the past tense (compromise's parse), and not a place he goes now ("his mum's flat"). */
function historyKin(c: Clause, at: number, cue: string): boolean {
  if (/^(?:his|my) (?:own )?\w+'s\b/.test(c.lower.slice(at, at + cue.length + 3)) || /\b(?:at|to|from|round|with|in)\s+$/.test(c.lower.slice(0, at))) return false;
  if (!c.tokens.length) return true;
  // The reporting verb's tense is the telling's, not the story's: "He said … he rings his brother Imran" is his family now.
  return c.tokens.some((t) => t.tags.has('PastTense') && !REPORT_WORD.test(t.normal)) && !/\b(?:died|passed away|funeral)\b/.test(c.lower);
}

const CARE_AFTER = /\b(?:puts?|lays?|laid|rocks?|rocked|sings?|sang|white noise|walks? (?:him|her)|feeds?|fed|checks?|changes?|changed|bath\w*|cuddl\w*|holds?|held|settl\w*|sooth\w*|comfort\w*|wind(?:s|ed|ing)?)\b/;

/** The cue sits in a "when …" clause and the rest of the clause is a frustration cue: a trigger, not care. */
function inTrigger(c: Clause, at: number): boolean {
  const w = /\b(?:when|whenever|if)\b[^,;]*$/.exec(c.lower.slice(0, at));
  if (!w) return false;
  const rx = CUE_RX.frustration_coping;
  const outside = c.lower.slice(0, w.index);
  rx.lastIndex = 0;
  // "… when he won't nap - I put him in the cot": a care act after the trigger is what he does for the baby.
  return rx.test(outside) && !CARE_AFTER.test(c.lower.slice(w.index));
}

/** "I spoke with Kyle while Tasha fed": a care verb with its own subject in a "while" clause is that person's, not the clause's agent's. */
const WHILE_SUBJECT = /\b(?:while|whilst)\s+([a-z][\w'-]*)\s+$/;

const REPORTED_RX = new RegExp(`^\\s+(?:also |then |has |had )?(?:${REPORT_VERBS})\\b`, 'i');
/** Domestic abuse named as such (not a row, which may be anyone's): "no DV", "domestic incidents", "police call-outs". */
const DV_CUE = /^(?:da|dv|domestic|police|call-?outs?|marac|violen|abusive|non-molestation|restraining)/i;
/** "Mum says no DV", "Mum says no DV incidents since last CG": the last person named before the cue
 * is only its speaker, nobody else is named between, so the couple's relationship is the topic (source: the speaker's). */
function speakerOnly(c: Clause, pos: number): boolean {
  const last = c.mentions.filter((m) => m.who !== 'unknown' && m.end <= pos).pop();
  // Only the mother: an agency reporting incidents ("DC Armitage reported three domestic incidents") is a record, which the
  // learned layer weighs as a near clause already (sealed6 012 lost its covered status when it counted here).
  return !!last && (last.who === 'mother' || last.who === 'female') && REPORTED_RX.test(c.lower.slice(last.end, pos));
}

/** Whether a cue about `who` counts for him on this domain. */
function countsFor(d: DomainId, who: Who, c: Clause): boolean {
  if (isHim(who)) return true;
  if (d === 'life_history' && who === 'his_family') return true;
  // His parents' separation is his history, not his relationship: only the mother counts here.
  if (d === 'relationship_safety' && who === 'mother' && c.mentionsHim) return true;
  // What he tells about the baby's care ("he told me she feeds 4oz every three hours") is his knowledge.
  if (d === 'parenting_knowledge' && who === 'baby' && c.source === 'him') return true;
  return false;
}

/** Whether any cue of domain d is in the text (whoever it is about). */
function hasCue(d: DomainId, text: string): boolean {
  return new RegExp(CUE_RX[d].source, 'i').test(text.toLowerCase());
}

/** Whether the clause says something about him on domain d. */
export function clauseCovers(d: DomainId, c: Clause, sentence = c.lower): boolean {
  if (c.headingDomains.includes(d) && !c.vague && (isHim(c.subject) || (d === 'life_history' && c.subject === 'his_family'))) return true;
  const rx = CUE_RX[d];
  rx.lastIndex = 0;
  // Every stretch of general praise ("a good dad, dead hands-on") is reassurance, not evidence on any domain.
  const vagueSpans = c.vague ? [...c.lower.matchAll(VAGUE_OBJECT)].map((v) => [v.index, v.index + v[0].length] as const) : [];
  const rep = REPORT_RX.exec(c.lower);
  const reportEnd = rep ? rep.index + rep[0].length : 0;
  for (let m = rx.exec(c.lower); m; m = rx.exec(c.lower)) {
    if (vagueSpans.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    // "gets stressed when Arlo cries", "punched the door when Roman wouldn't stop crying": the crying is the trigger of his
    // reaction (frustration), not something he knows or does for the baby.
    if (d === 'parenting_knowledge' && inTrigger(c, m.index)) continue;
    // "at his mum's flat", "his brother helps": family today is not his history; his own father, or family in the past, is.
    if (d === 'life_history' && KIN.test(m[0]) && !historyKin(c, m.index, m[0])) continue;
    // His father now — a recent death, or caring for him ("cares for his father, who had a stroke") — is a pressure, not history.
    if (d === 'life_history' && /^(?:his|my) (?:own )?(?:father|dad)\b/.test(m[0]) && FATHER_NOW.test(c.lower)) continue;
    // A pressure met in his childhood story ("kicked me out at fifteen, I was sofa surfing") is his history, not a pressure now.
    if (d === 'pressures' && !OWN_CUE.pressures.test(m[0]) && hasCue('life_history', sentence)) continue;
    if (d === 'substance_use' && NOT_ALCOHOL.test(c.lower.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12))) continue;
    // A reflexive cue ("calm himself down") is about the clause's agent, not the nearest person named.
    const sub = d === 'parenting_knowledge' ? WHILE_SUBJECT.exec(c.lower.slice(0, m.index)) : null;
    // The while-clause's subject as the parse of mentions read it; a bare initial ("while L fed") is nobody known, so not him.
    const who = sub ? c.mentions.find((x) => x.start === sub.index + sub[0].lastIndexOf(sub[1]!, sub[0].length - 1))?.who ?? 'unknown'
      : d === 'parenting_knowledge' || /\bhimself\b/.test(m[0]) ? agentOf(c, reportEnd) : whoAt(c, m.index);
    if (countsFor(d, who, c)) return true;
    if (d === 'relationship_safety' && DV_CUE.test(m[0]) && speakerOnly(c, m.index)) return true;
  }
  return false;
}

/** Sets each domain's status and evidence from the clauses about him. */
export function domainStatus(ctx: Ctx): Partial<Ctx> {
  const seen = ctx.facts.seen.status !== 'not_seen';
  const domains = {} as Record<DomainId, DomainResult>;
  const domainClauses = {} as Record<DomainId, DomainClause[]>;
  for (const d of DOMAIN_IDS) {
    const first: string[] = [];
    const second: string[] = [];
    const found: DomainClause[] = [];
    // "I asked about his mood. He said he sleeps five hours": the answer in the next sentence is on the question's topic.
    let asked = -2;
    for (const [i, c] of ctx.clauses.entries()) {
      if (c.writer) { if (!c.plan && clauseCovers(d, { ...c, subject: 'him', mentions: [] })) asked = c.sentence; continue; }
      const answer = asked === c.sentence - 1 && !c.plan && isHim(c.subject) && (c.source === 'him' || c.source === 'none');
      if (c.plan || !(answer || clauseCovers(d, c, ctx.sentences[c.sentence]!.text))) {
        // A cue the rules did not count (someone else's, a plan, or a heading's): the learned layer may still weigh it.
        const rx = CUE_RX[d];
        rx.lastIndex = 0;
        if (c.headingDomains.includes(d) || rx.test(c.lower)) found.push({ clause: i, direct: false, answer: false, near: true });
        continue;
      }
      const text = ctx.sentences[c.sentence]!.text;
      // Not seen or spoken to at this contact: nothing is his own account unless he told the writer at another time.
      const direct = seen
        ? c.source === 'him' || c.source === 'observed' || c.source === 'none'
        // "He also told me he'd been low, and that he has a couple of glasses of wine": the later clause is still what he told me.
        : c.source === 'him' && !ctx.document && (ANOTHER_TIME.test(text) || TOLD_WRITER.test(text.toLowerCase()));
      (direct ? first : second).push(text);
      found.push({ clause: i, direct, answer, near: false });
    }
    domainClauses[d] = found;
    const uniq = (a: string[]) => [...new Set(a)];
    domains[d] = first.length
      ? { status: 'covered', evidence: uniq(first) }
      : second.length ? { status: 'secondhand', evidence: uniq(second) } : { status: 'absent', evidence: [] };
  }
  return { domains, domainClauses };
}
