// Step: where each clause's information comes from — him, the practitioner's observation, or someone else.
import { HEADING_PEOPLE, HEADING_PLANS, HEADING_SOURCES } from '../lexicon/headings';
import { NEGATIONS, OBSERVED, OTHER_SOURCES, OWN_ACCOUNT, PLANS, REPORT_VERBS, SPECIFIC, VAGUE } from '../lexicon/modality';
import { escapeRx, words } from '../lexicon/util';
import { isHim } from './attribution';
import type { Clause, Ctx, Source, Who } from '../types';

const REPORT_RX = new RegExp(`\\b(?:${REPORT_VERBS})\\b`, 'i');
const OWN_RX = words(OWN_ACCOUNT, 'i');
const OBSERVED_RX = words(OBSERVED, 'i');
const OTHER_RX = words(OTHER_SOURCES, 'i');
const PLAN_RX = words(PLANS, 'i');
const NEG_RX = new RegExp(`(?:\\b(?:${NEGATIONS.filter((n) => n !== "n't").join('|')})\\b|n't\\b)`, 'i');
const VAGUE_RX = words(VAGUE, 'i');
const I_RX = /\b(?:i|hv|sw|writer|practitioner)\s*$/i;

const PREP_BEFORE = /\b(?:about|with|to|for|of|at|by|on|from|towards|against)\s+(?:the |a |an |his |her )?$/;

const SOURCE_VERBS = /\b(?:records?|checks?|said|says|report|confirm|show|state|advise|inform|letter|share)/;

/** The source a speaker gives a clause. */
function speakerSource(who: Who): Source {
  return who === 'him' || who === 'couple' ? 'him' : 'other';
}

/** Decides one clause's own source, or 'none' when it names none. */
function clauseSource(c: Clause, headingOther: boolean, headingHim: boolean, otherNames: RegExp | null): Source {
  const framed = frameSource(c);
  if (framed) return framed;
  const own = OWN_RX.exec(c.lower);
  if (own) {
    // "We discussed crying with Chloe", "leaflet given to mum": the conversation was with someone else.
    const withOther = c.mentions.some((m) => m.start >= own.index && !isHim(m.who) && m.who !== 'baby' && /\b(?:with|to)\s+$/.test(c.lower.slice(0, m.start)));
    const withNamed = !!otherNames && otherNames.test(c.lower.slice(own.index));
    return withOther || withNamed ? 'other' : 'him';
  }
  const rv = REPORT_RX.exec(c.lower);
  if (rv) {
    const before = c.lower.slice(0, rv.index);
    // Babies do not speak: "Jack sees Rosie … and told me" is Jack's account.
    // Nor do the objects of a preposition: "He was keen to talk about Theo and said…" is his account.
    const speaker = c.mentions.filter((m) => m.end <= rv.index && m.who !== 'unknown' && m.who !== 'baby'
      && !PREP_BEFORE.test(c.lower.slice(0, m.start))).pop();
    if (speaker && !I_RX.test(before)) return speakerSource(speaker.who);
    if (OTHER_RX.test(before)) return 'other';
    if (!speaker && !I_RX.test(before) && rv.index < 3) return headingOther ? 'other' : headingHim ? 'him' : speakerSource(c.subject);
  }
  if (OBSERVED_RX.test(c.lower)) return 'observed';
  const firstHim = c.mentions.find((m) => m.who === 'him');
  const other = OTHER_RX.exec(c.lower);
  if (other && (!firstHim || other.index < firstHim.start) && !/\bhis (?:gp|doctor)\b/.test(c.lower.slice(Math.max(0, other.index - 4),
    other.index + other[0].length))) {
    // "his GP" is a topic, not a source; "police records show" is a source.
    if (/^(?:gp|police|probation|health visitor|midwife|hospital|school|nursery|cgl|cmht)$/.test(other[0])
      && !SOURCE_VERBS.test(c.lower.slice(other.index))) return headingOther ? 'other' : 'none';
    return 'other';
  }
  return headingOther ? 'other' : 'none';
}

const FRAME_BEFORE = /^\W*(?:according to|as per|per|in the view of)\s+/;
const FRAME_AFTER = /'s (?:view|account|understanding|opinion|report|impression) (?:is|was)\b/;
// He told someone other than the writer ("told Ama at that visit", "reported to his recovery worker"): not his account to us.
const TOLD_OTHER = new RegExp(
  String.raw`\b(?:told|said to|reported to|disclosed to|admitted to|explained to)\s+(?:his |her |` +
  String.raw`the |a |an )?(?!me\b|us\b|i\b|hv\b|sw\b|fsw\b|the hv\b|the sw\b|writer\b)([a-z]+)`,
  '',
);
const LISTENERS = /^(?:police|officers?|recovery|key|support|probation|drug|gp|nurse|doctor|worker|psychiatrist|counsellor|manager|staff|team|service)/;

/** Reported-speech frames whose speaker is explicit: "According to Carla, …", "Per Lisa: …", "Lisa's view is that …". */
function frameSource(c: Clause): Source | null {
  const before = FRAME_BEFORE.exec(c.lower);
  if (before) {
    const sp = c.mentions.find((m) => m.start >= before[0].length - 1 && m.who !== 'unknown');
    return sp && isHim(sp.who) ? 'him' : 'other';
  }
  const after = FRAME_AFTER.exec(c.lower);
  if (after) {
    const sp = c.mentions.filter((m) => m.end <= after.index + 2 && m.who !== 'unknown').pop();
    if (sp) return isHim(sp.who) ? 'him' : 'other';
  }
  const told = TOLD_OTHER.exec(c.lower);
  if (told) {
    const listener = c.mentions.find((m) => m.start >= told.index + told[0].length - told[1]!.length - 1);
    if ((listener && (listener.who === 'professional' || listener.who === 'other_adult')) || LISTENERS.test(told[1]!)) return 'other';
  }
  return null;
}

/** Everything after this line comes from records, not from the writer's own contact with him. */
const FROM_RECORDS = new RegExp(
  String.raw`\b(?:taken from (?:our |the |his )?(?:records|file|notes)|(?:summary|extract) (?:of|` +
  String.raw`from) (?:\w+ )?(?:records|file)|(?:have|has) not met (?:him|\w+) (?:myself|yet)|records? (?:extract|` +
  String.raw`summary))\b`,
  'i',
);

/** Sets each clause's source, plan, negation and vagueness; later clauses of a sentence inherit its source. */
export function detectSource(ctx: Ctx): Partial<Ctx> {
  // Adults other than him named in the note (not babies): "discussed crying with Chloe" was a talk with her.
  const adults = [...ctx.people.names].filter(([, w]) => w !== 'baby' && !isHim(w)).map(([n]) => escapeRx(n.toLowerCase()));
  const otherNames = adults.length ? new RegExp(`\\b(?:with|to) (?:${adults.join('|')})\\b(?!'s)`) : null;
  let sentence = -1;
  let inherited: Source = 'none';
  let fromRecords = false;
  const clauses = ctx.clauses.map((c) => {
    const heading = ctx.sentences[c.sentence]!.heading;
    if (c.sentence !== sentence) {
      sentence = c.sentence;
      inherited = 'none';
      fromRecords ||= FROM_RECORDS.test(ctx.sentences[c.sentence]!.text);
      if (fromRecords) inherited = 'other';
    }
    const headingHim = !!heading && (HEADING_PEOPLE.some(([w, rx]) => w === 'him' && rx.test(heading.trim().replace(/\s*\(.*\)$/, '')))
      || new RegExp(`^(?:dad|father)?\\s*\\(?${escapeRx(ctx.people.name)}\\)?$`, 'i').test(heading.trim()));
    // The writer's own lines in a transcript, while talking with him, are the conversation with him.
    // Another speaker's line in a transcript ("Demi: he smokes weed") is her account; his own line is his.
    const own0 = c.talkWith === 'him' ? 'him' : c.speaker && c.speaker !== 'professional' ? speakerSource(c.speaker) : clauseSource(c, !!heading && HEADING_SOURCES.test(heading), headingHim, otherNames);
    // Once the note says it is quoting records, what he "reported" reached the writer through them.
    const own = fromRecords && own0 === 'him' ? 'other' : own0;
    const source = own === 'none' ? inherited : own;
    if (own !== 'none') inherited = own;
    // "We talked about crying": no person named, but the conversation was with him.
    const named = c.mentions.some((m) => m.who !== 'unknown');
    if (!named && source === 'him') return { ...c, source, subject: 'him' as const, mentionsHim: true };
    return { ...c, source };
  });
  return { clauses };
}

/** The writer asking or advising: "I asked (him) what/how/about…", "asked whether…", "I reminded/advised him that…". */
const WRITER_WORDS = /^\W*(?:(?:i|we|hv|sw) (?:then |also )?)?(?:asked|enquired|queried|reminded|advised|explained to|suggested|i said|we said)\b(?: (?:him|dad|them|both|\w+))?(?: (?:what|how|whether|if|about|why|when|who|that|to))?\b/;
/** An answer inside the same clause: "asked about drinking - says 2 cans", "asked …: 'not going there'" is still his refusal, not content. */
const ANSWER = /\s[-–—:]\s|\b(?:he|dad|father) (?:said|says|told|replied|answered|explained|described)\b|\b(?:says|said|replied|answered)\b/i;

/** A plan word outside quotation marks: inside them ("I will not be that man for Zofia", "I'll be qualified by then") it is the
 * quoted person's resolve or prediction, not the writer's plan. */
function writerPlan(c: Clause): boolean {
  const quoted = [...c.lower.matchAll(/"[^"]*"?/g)].map((q) => [q.index!, q.index! + q[0].length] as const);
  const rx = new RegExp(PLAN_RX.source, 'gi');
  for (const m of c.lower.matchAll(rx)) if (!quoted.some(([a, b]) => m.index! > a && m.index! < b)) return true;
  return false;
}

/** Marks plans ("will ask next visit"), negation/denial and reassurance without evidence. */
export function detectModality(ctx: Ctx): Partial<Ctx> {
  let sentence = -1;
  let planned = false;
  const clauses = ctx.clauses.map((c) => {
    const heading = ctx.sentences[c.sentence]!.heading;
    if (c.sentence !== sentence) { sentence = c.sentence; planned = false; }
    // "Plan: visit Thursday; discuss crying" written inline: every clause of the sentence is planned.
    const inlinePlan = /^(?:plan|next steps?|actions?)\s*:/i.test(ctx.sentences[c.sentence]!.text);
    // A question ("Do you drink?") records nothing; the answer does. His own question on his transcript line ("I have a drink
    // like everyone else, what's that got to do with anything?") is his answer, not the practitioner's question.
    const question = /\?["'”)]?\s*$/.test(c.text) && !(c.speaker && c.speaker !== 'professional' && isHim(c.speaker));
    const plan = question || inlinePlan || (!!heading && HEADING_PLANS.test(heading.trim())) || writerPlan(c) || (planned
      && /^(?:and |or |then )/.test(c.lower));
    planned = plan;
    const negated = NEG_RX.test(c.lower);
    // "I asked what he does when Evie cries", "I reminded him that crying peaks": the writer's question or advice, not his account.
    const writer = (WRITER_WORDS.test(c.lower) && !ANSWER.test(c.text.slice(WRITER_WORDS.exec(c.lower)![0].length)));
    // Someone else's praise ("Mum says he is 'a really good dad'") is reassurance even beside a detail; the detail still counts.
    const vague = VAGUE_RX.test(c.lower) && (c.source === 'other' || !SPECIFIC.test(c.text));
    return { ...c, plan, negated, vague, writer };
  });
  return { clauses };
}
