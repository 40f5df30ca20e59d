// Steps: crying messages discussed with him, the combining factors recorded for him, and information sought.
import { CRYING_MESSAGE_IDS, FACTOR_IDS, type AgencyId, type CryingMessageId, type FactorId } from '../../records/practice-model';
import { AGENCIES, CONSENT_QUESTION, CONSENT_REFUSED, CONSENT_YES, CRYING_MESSAGES, CRYING_TOPIC, FACTOR_CUES, INFO_SOUGHT, MEETING_AGENCY, MEETING_ATTENDANCE, VIOLENCE_TO } from '../lexicon/facts';
import { NEGATIONS } from '../lexicon/modality';
import { VAGUE_USE } from '../lexicon/substances';
import type { Clause, Ctx, Facts } from '../types';
import { isHim, whoAt } from './attribution';

const NEG_BEFORE = new RegExp(`(?:\\b(?:${NEGATIONS.filter((n) => n !== "n't").join('|')})\\b|n't\\b)[^.;]*$`, 'i');
const NEG_ANY = new RegExp(`(?:\\b(?:${NEGATIONS.filter((n) => n !== "n't").join('|')})\\b|n't\\b)`, 'gi');
const NOT_HIS = new RegExp(
  String.raw`\b(?:mum's|mother's|her|baby's|maternal|grandmother's|grandfather's|[a-z]+'s mum's)\s+(?:gp|` +
  String.raw`doctor|health visitor|midwife|records|probation|social worker)\b`,
  'i',
);

const AGENCY_WORDS = /\b(?:consent|permission|checks?|records|mash|referral|letter|chronology|trace|known|notification|request|update|transfer-in|email|team|services?|health visitor|care coordinator)\b/;

/** Words that end a negation's scope: a new clause ("has not been sleeping and that his GP…", "wouldn't settle, Ricky punched…"). */
const SCOPE_BREAK = new RegExp(String.raw`\b(?:but|that|since|because|when|although|though|while|whereas|however|which|until|after|so|said|says|told|reports?)\b|` +
  String.raw`,\s*(?:and\s+)?(?:he|she|they|i|we|then|(?:the |his |her )?(?:gp|doctor|mum|mother|dad|police|officers?|hv|sw|midwife|nurse))\b|` +
  String.raw`\b(?:he|she|they)\s+(?:\w+ed|threw|hit|broke|took|went|got|ran|put)\b|\b(?:he|she|they)\s*$|` +
  // "is not sleeping and his GP has started him on sertraline": "and" with a new subject starts a new clause, comma or not.
  String.raw`\band\s+(?:he|she|(?:the |his |her )?(?:gp|doctor|police|officers?|hv|sw|midwife|nurse))\b`);

/** Whether a negation governs the end of this text: the last negation before it, with no clause boundary after it. */
function negatedBefore(before: string, mentionStarts: readonly number[]): boolean {
  const m = NEG_BEFORE.exec(before);
  if (!m) return false;
  let at = m.index;
  for (const n of before.slice(at).matchAll(NEG_ANY)) at = Math.max(at, m.index + n.index!);
  // A person named after a comma starts a new clause too: "when Kai wouldn't settle, Ricky punched the door".
  return !SCOPE_BREAK.test(before.slice(at + 1)) && !mentionStarts.some((x) => x > at && x <= before.length && /,\s*$/.test(before.slice(0, x)));
}

/** A person named after a preposition is a place or an object, not who the cue is about: "staying at his mum's and looking for work",
 * "her partner Dean, father of Ruby, had been drinking". */
const PREP_BEFORE = /\b(?:at|to|from|with|w|w\/|in|on|by|for|of)\s*(?:a |an |the )?$/i;

/** Who a factor cue is about: as whoAt, but people named only as objects of a preposition before it are passed over; a clause
 * whose only person is such an object carries on from the clause before when that one is about him ("no job, on UC, worried
 * about money w the baby" after a bullet about him). */
export function factorWho(c: Clause, pos: number, prevHim = false): ReturnType<typeof whoAt> {
  const people = c.mentions.filter((x) => x.who !== 'unknown');
  const before = people.filter((x) => x.end <= pos);
  // "because of his mum's drug use": after "of", a possessor owns what follows; it is not an object.
  const possessive = (x: (typeof people)[number]) => /(?:'s|’s)$/.test(c.text.slice(x.start, x.end)) || /^(?:'s|’s)/.test(c.text.slice(x.end));
  const object = (x: (typeof people)[number]) => PREP_BEFORE.test(c.text.slice(0, x.start))
    && !(/\bof\s*(?:a |an |the )?$/i.test(c.text.slice(0, x.start)) && possessive(x));
  // "two domestic incidents with a previous partner, in which Jordan was named": the partner is the object, not the subject.
  if (!before.length) return people[0] && object(people[0]) && (c.mentionsHim || prevHim) ? 'him' : whoAt(c, pos);
  if (!before.some(object)) return whoAt(c, pos);
  const agent = before.filter((x) => !object(x)).pop();
  return agent ? (agent.who === 'female' ? 'mother' : agent.who) : c.mentionsHim ? 'him' : whoAt(c, pos);
}

/** People a factor cue can belong to instead of him. */
const NAMED_OTHER: ReadonlySet<string> = new Set(['mother', 'baby', 'relative', 'other_man', 'professional', 'other_adult', 'female', 'his_family']);

/** Whether the clause is the practitioner's conversation with him, or his own account (not someone else's). */
function withHim(c: Clause, seen: boolean): boolean {
  if (c.source === 'other') return false;
  if (c.source === 'him') return true;
  return seen && (c.mentionsHim || c.subject === 'him');
}

/** Crying messages and whether crying (or how he will cope with it) was discussed with him. */
export function detectCrying(ctx: Ctx): Partial<Ctx> {
  const seen = ctx.facts.seen.status !== 'not_seen';
  const msgs = new Map<CryingMessageId, string[]>();
  const discussed: string[] = [];
  for (const c of ctx.clauses) {
    if (c.plan || !withHim(c, seen)) continue;
    const text = ctx.sentences[c.sentence]!.text;
    let any = false;
    for (const id of CRYING_MESSAGE_IDS) {
      if (!CRYING_MESSAGES[id].test(c.lower)) continue;
      if (id !== 'crying_normal' && id !== 'never_shake' && !CRYING_TOPIC.test(text) && !/crying/i.test(ctx.sentences[c.sentence]!.heading ?? '')) continue;
      msgs.set(id, [...(msgs.get(id) ?? []), text]);
      any = true;
    }
    if (any || CRYING_TOPIC.test(c.lower) || c.headingDomains.includes('parenting_knowledge')
      && /cry|icon/i.test(ctx.sentences[c.sentence]!.heading ?? '')) discussed.push(text);
  }
  const cryingMessages: Facts['cryingMessages'] = [...msgs].map(([id, ev]) => ({ id, evidence: [...new Set(ev)] }));
  return { facts: { ...ctx.facts, cryingMessages, cryingDiscussed: { discussed: discussed.length > 0, evidence: [...new Set(discussed)] } } };
}

/** The six combining factors recorded for him (by anyone), current or past; negated mentions do not count. */
export function detectFactors(ctx: Ctx): Partial<Ctx> {
  const ev = new Map<FactorId, string[]>();
  const add = (id: FactorId, text: string) => ev.set(id, [...(ev.get(id) ?? []), text]);
  ctx.clauses.forEach((c, i) => {
    if (c.plan) return;
    const text = ctx.sentences[c.sentence]!.text;
    const prev = ctx.clauses[i - 1];
    const next = ctx.clauses[i + 1];
    // An elided subject carries over: "Jordan registered at Station Road; diagnosed with ADHD", "two domestic incidents with a
    // previous partner; one where Jordan was arrested".
    const prevHim = (!!prev && !prev.plan && prev.sentence >= c.sentence - 1 && (isHim(prev.subject) || (prev.sentence === c.sentence && prev.mentionsHim)))
      || (!!next && next.sentence === c.sentence && isHim(next.subject));
    for (const id of FACTOR_IDS) {
      const m = FACTOR_CUES[id].exec(c.lower);
      if (!m) continue;
      if (negatedBefore(c.lower.slice(0, m.index), c.mentions.filter((x) => x.who !== 'unknown').map((x) => x.start)) && !/\b(?:no|not|n't|out of|can.t|cannot|un)/.test(m[0])) continue;
      // A person inside the cue ("assault on a former partner") is its object, not who it is about.
      const inside = c.mentions.filter((x) => x.who !== 'unknown' && x.start < m!.index + m![0].length);
      const who = inside.length && inside.every((x) => x.start >= m!.index) ? ('him' as const) : factorWho(c, m.index, prevHim);
      // A professional who records or treats a factor ("his GP started him on sertraline") is not who has it.
      const ok = (!c.mentions.some((x) => x.who !== 'unknown') && prevHim) || ((who === 'professional' && c.mentionsHim) || id === 'childhood_adversity'
        ? c.mentionsHim || c.mentions.some((x) => x.who === 'his_family') || isHim(c.subject)
        : isHim(who) || (!NAMED_OTHER.has(who) && c.mentionsHim) || (id === 'domestic_abuse' && who === 'mother' && c.mentionsHim)
          || (id === 'external_pressures' && who === 'mother' && /relationship|argu|rows?/.test(m[0]) && c.mentionsHim));
      if (ok) add(id, text);
    }
  });
  // "He was arrested on suspicion of assaulting Roxanne": violence he did to the mother, named, is domestic abuse.
  for (const c of ctx.clauses) {
    if (c.plan) continue;
    for (const m of c.mentions) {
      if (m.who !== 'mother' && m.who !== 'female') continue;
      const v = VIOLENCE_TO.exec(c.text.slice(0, m.start));
      if (!v || negatedBefore(c.lower.slice(0, v.index), [])) continue;
      if (isHim(factorWho(c, v.index))) add('domestic_abuse', ctx.sentences[c.sentence]!.text);
    }
  }
  for (const s of ctx.facts.substances) {
    const illicit = s.substance !== 'alcohol';
    // "The odd line at weekends": a rate said vaguely, with no level, is not regular use. Only suspected ("she thinks there's coke about at weekends") is not his regular use either.
    const regular = s.frequency && !/month|fortnight/i.test(s.frequency) && !s.suspected
      && !(s.level === 'unknown' && s.evidence.some((e) => VAGUE_USE.test(e)));
    if (s.level === 'misuse' || s.level === 'dependence' || (illicit && s.level !== 'none' && regular)) add('substance_misuse', s.evidence[0]!);
  }
  const factors: Facts['factors'] = FACTOR_IDS.filter((id) => ev.has(id)).map((id) => ({ id, evidence: [...new Set(ev.get(id))] }));
  return { facts: { ...ctx.facts, factors } };
}

const LETTERHEAD = /^(?=[^a-z]*[A-Z]{3})[^a-z]*$/;
/** A title that says the document answers a request or records a meeting of agencies: "RESPONSE TO HEALTH VISITOR REQUEST". */
const REPLY = /\b(?:request|response|reply|enquiry|checks?|strategy|multi-agency|consent|information sharing)\b/;
const SEEK_CONSENT = /\b(?:ask|seek|request|get|obtain|gain)\b(?: \w+){0,3} (?:for )?(?:his |their )?consent\b/;
const NEG_JUST_BEFORE = /\b(?:not|never|no)\b(?:\s+\w+){0,2}\s*$|n't(?:\s+\w+){0,2}\s*$/;


/** A question asking his consent to contact someone, answered yes by the next sentence (not by the asker). */
function answeredYes(ctx: Ctx, c: Clause): boolean {
  if (!CONSENT_QUESTION.test(c.lower)) return false;
  const next = ctx.sentences[c.sentence + 1];
  if (!next) return false;
  const asker = ctx.sentences[c.sentence]!.heading;
  if (next.heading && asker && next.heading === asker) return false;
  return CONSENT_YES.test(next.text.slice(next.heading && next.text.startsWith(next.heading) ? next.heading.length + 1 : 0));
}

/** Agencies from which information about him was sought, or to which he consented to contact. */
export function detectInfoSought(ctx: Ctx): Partial<Ctx> {
  const out = new Map<string, Facts['infoSought'][number]>();
  for (const c of ctx.clauses) {
    // An agency document's own title in capitals ("WEST PENNINE POLICE - DOMESTIC ABUSE NOTIFICATION") names its writer, not an agency asked.
    if (ctx.document && c.sentence === 0 && LETTERHEAD.test(ctx.sentences[0]!.text.trim()) && !REPLY.test(c.lower)) continue;
    // Consent given now counts even when the request itself is planned ("with his consent I will request …").
    const heading = ctx.sentences[c.sentence]!.heading ?? '';
    // A professional or an agency reporting on him ("Drug service: Jas reports Sean has attended …") is information sought.
    const agencyReport = c.source === 'other' && c.mentionsHim && !c.plan
      && (c.mentions.some((m) => m.who === 'professional') || AGENCIES.some(([, rx]) => rx.test(heading)));
    if (!agencyReport) {
      // A planned request for consent ("ask Tyrone for consent for checks once seen") is not consent given; a question
      // asking it that he answers yes to on the next line ("Would you be OK with me contacting your GP?" "Yeah, fine.") is.
      const consentNow = (/\b(?:consent|agreed)\b/.test(c.lower) && !SEEK_CONSENT.test(c.lower)) || answeredYes(ctx, c);
      const yes = answeredYes(ctx, c);
      if ((c.plan && !consentNow) || !(yes || INFO_SOUGHT.test(c.lower)) || CONSENT_REFUSED.test(c.lower) || NOT_HIS.test(c.lower)) continue;
      // "I have not contacted his GP", "did not ask him about consent": a negated act is not an act.
      const hit = INFO_SOUGHT.exec(c.lower);
      if (hit && !yes && NEG_JUST_BEFORE.test(c.lower.slice(0, hit.index)) && !/^(?:no|not|nothing)\b/.test(hit[0])) continue;
      // A relative ringing an agency ("MGM rang children's services") is not the writer seeking information about him.
      if (c.subject === 'baby' || ((c.subject === 'mother' || c.subject === 'relative') && !c.mentionsHim)) continue;
    }
    const text = ctx.sentences[c.sentence]!.text;
    const kind = /consent|permission/i.test(c.lower) || answeredYes(ctx, c) ? 'consent' : 'contacted';
    const ids: AgencyId[] = AGENCIES.filter(([, rx]) => rx.test(c.lower) || rx.test(heading)).map(([id]) => id);
    if (!ids.length && !agencyReport && !AGENCY_WORDS.test(c.lower)) continue;
    for (const agency of ids.length ? ids : (['other'] as AgencyId[])) {
      const k = `${agency}/${kind}`;
      const prev = out.get(k);
      out.set(k, { agency, kind, evidence: [...new Set([...(prev?.evidence ?? []), text])] });
    }
  }
  // An agency at the meeting ("Present: ..., Mark Ellis (Probation)") shares what it knows about him.
  for (const sen of ctx.sentences) {
    // The list may follow its heading on the same line ("Present: Chloe (mother), ...") or under it.
    const present = MEETING_ATTENDANCE.exec(sen.heading && !sen.text.startsWith(sen.heading) ? `${sen.heading}: ${sen.text}` : sen.text)?.[0];
    if (!present) continue;
    const ids: AgencyId[] = AGENCIES.filter(([, rx]) => rx.test(present)).map(([id]) => id);
    if (!ids.length && MEETING_AGENCY.test(present)) ids.push('other');
    for (const agency of ids) {
      const prev = out.get(`${agency}/contacted`);
      out.set(`${agency}/contacted`, { agency, kind: 'contacted', evidence: [...new Set([...(prev?.evidence ?? []), sen.text])] });
    }
  }
  return { facts: { ...ctx.facts, infoSought: [...out.values()] } };
}
