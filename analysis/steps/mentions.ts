// Step: find the people each clause mentions and resolve "he/him/his" — him, the baby, or another man.
import { HEADING_PEOPLE, HEADING_PRESENT } from '../lexicon/headings';
import { REPORT_VERBS } from '../lexicon/modality';
import { ADULT_VERBS, BABY_VERBS, KIN_NOUNS, PERSON_PHRASES } from '../lexicon/people';
import { escapeRx } from '../lexicon/util';
import type { Clause, Ctx, Mention, People, Tok, Who } from '../types';
import { dashDialogue, dashSpeaker, transcriptSpeaker } from './transcript';

const PHRASE_RX = PERSON_PHRASES.map(([who, alts]) => [who, new RegExp(`\\b(?:${alts.join('|')})\\b`, 'gi')] as const);
const PRONOUN_RX = /\b(he|him|himself|his)\b/gi;
const KIN_AFTER = new RegExp(`^\\s+(?:${KIN_NOUNS.join('|')})\\b`, 'i');
const BABY_NOUN_AFTER = /^\s+(?:nappy|nappies|feeds?|bottles?|weight|cot|moses basket|pram|immunisations?|jabs|skin|reflux|colic|birth|growth|centile|head)\b/i;
const BABY_AFTER = new RegExp(`^\\s+(?:has |had |is |was |has been |had been |then |also |eventually |finally |now )?(?:${BABY_VERBS.join('|')})\\b`, 'i');
const ADULT_AFTER = new RegExp(
  `^\\s+(?:has |had |is |was |also |then |now |still |often |sometimes |never |does not |` +
  `doesn't |did not |didn't )?(?:${ADULT_VERBS.join('|')})\\b`, 'i');
const BABY_OBJECT_AFTER = /^\s+(?:(?:him|her|the baby|baby|\w+)\s+)?(?:\w+\s+)?(?:the baby|baby|her|him|[A-Z][a-z]+)\b/;
const CARE_BEFORE_HIM = new RegExp(
  String.raw`\b(?:fed|feeds|feeding|settled|settles|settling|changed|changes|changing|held|holds|` +
  String.raw`holding|rocked|rocks|rocking|bathed|bathing|winded|winding|put|puts|picked|picks|` +
  String.raw`cuddled|cuddles|soothed|soothes|comforted|comforts|dressed|carried|carries|lifted|` +
  String.raw`weighed|calm|calmed|hold|feed|settle|change|soothe|comfort)\s+$`,
  'i',
);

/** Per-note lookups built once: regexes for his name, surname and other known names. */
interface NameRx { his: RegExp; others: ReadonlyArray<readonly [RegExp, Who, string]> }

function nameRegexes(p: People): NameRx {
  const alts = [escapeRx(p.name), ...(p.aliases ?? []).map(escapeRx)];
  if (p.surname) alts.push(`Mr\\.? ${escapeRx(p.surname)}`);
  const others = [...p.names.entries()].filter(([, w]) => w !== 'unknown').map(([n, w]) => [new RegExp(`\\b${escapeRx(n)}\\b`, 'g'), w, n] as const);
  return { his: new RegExp(`\\b(?:${alts.join('|')})\\b`, 'g'), others };
}

/** Finds explicit person mentions (phrases and names) in a clause, earliest and longest first, without overlaps. */
function explicitMentions(c: Clause, p: People, rx: NameRx): Mention[] {
  const found: Array<Mention & { rank: number }> = [];
  const add = (start: number, end: number, who: Who, rank: number) => found.push({ start, end, who, pronoun: false, rank });
  for (let m = (rx.his.lastIndex = 0, rx.his.exec(c.text)); m; m = rx.his.exec(c.text)) {
    const end = m.index + m[0].length;
    const kin = /^'s\s+(\w+)/.exec(c.text.slice(end));
    if (kin && KIN_AFTER.test(` ${kin[1]}`)) add(m.index, end + kin[0].length, 'his_family', 0);
    else add(m.index, end, 'him', 0);
  }
  for (const [r, who, n] of rx.others) {
    r.lastIndex = 0;
    for (let m = r.exec(c.text); m; m = r.exec(c.text)) {
      const end = m.index + n.length;
      const kin = /^'s\s+(dad|father|daddy|mum|mother|mummy|brother|sister|parents|family|nan|uncle|ex)\b/i.exec(c.text.slice(end));
      if (kin && who === 'baby') add(m.index, end + kin[0].length,
        /^(?:dad|father|daddy)$/i.test(kin[1]!) ? 'him' : /^(?:mum|mother|mummy)$/i.test(kin[1]!) ? 'mother' : 'relative', 0);
      else if (kin) add(m.index, end + kin[0].length, kin[1]!.toLowerCase() === 'ex' ? 'other_man' : 'relative', 0);
      else add(m.index, end, who, 0);
    }
  }
  PHRASE_RX.forEach(([who, r], rank) => {
    r.lastIndex = 0;
    for (let m = r.exec(c.lower); m; m = r.exec(c.lower)) {
      let w: Who = who;
      if (who === 'him' && p.rolesNotHim.has(m[0].replace(/^(?:the |her |mum's |mother's )/, ''))) w = 'other_man';
      add(m.index, m.index + m[0].length, w, rank + 1);
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const out: Mention[] = [];
  let last = -1;
  for (const f of found) if (f.start >= last) { out.push({ start: f.start, end: f.end, who: f.who, pronoun: false }); last = f.end; }
  return out;
}

/** Him, or "they" including him. */
const isHimWho = (w: Who): boolean => w === 'him' || w === 'couple';

const MALE: ReadonlySet<Who> = new Set<Who>(['him', 'baby', 'relative', 'other_man']);
/** Women and girls among relatives and babies: "he" never means the grandmother, the aunt or a baby called Rosie. */
const FEMALE_KIN = /\b(?:(?:great[- ])?grand(?:mother|ma)|mum|mother|mam|ma|nan|nana|nanna|nanny|gran|granny|aunt|auntie|aunty|sister|niece|daughter|wife|girlfriend)\b/i;
/** A mention that can be "he": a male role, not named or described as a woman or girl (gender agreement). */
function maleMention(c: Clause, x: Mention): boolean {
  if (!MALE.has(x.who) || x.pronoun || x.who === 'him' || x.who === 'other_man') return MALE.has(x.who);
  if (x.who === 'relative' && FEMALE_KIN.test(c.text.slice(x.start, x.end))) return false;
  return !c.tokens.some((t) => t.start >= x.start && t.end <= x.end && t.tags.has('FemaleName') && !t.tags.has('MaleName'));
}
/** "he's drinking", "he'd been": the contraction read as its verb, so an adult's verb after a pronoun is seen (not a baby's: "he's sleeping it off"). */
const uncontract = (after: string): string => after.replace(/^'s(?= (?:been|had|got|gone|done|never|always|lost|left|started|stopped)\b)/, ' has').replace(/^'s\b/, ' is').replace(/^'d\b/, ' had').replace(/^'ll\b/, ' will');

/** Resolves he/him/his in a clause given the explicit mentions and the male referent carried from before. */
function resolvePronouns(c: Clause, explicit: Mention[], carried: Who, carriedHere = false): Mention[] {
  const all: Mention[] = [...explicit];
  const taken = (i: number) => explicit.some((m) => i >= m.start && i < m.end);
  PRONOUN_RX.lastIndex = 0;
  for (let m = PRONOUN_RX.exec(c.text); m; m = PRONOUN_RX.exec(c.text)) {
    if (taken(m.index)) continue;
    const word = m[1]!.toLowerCase();
    const end = m.index + m[0].length;
    const after = c.text.slice(end, end + 60);
    const before = c.text.slice(Math.max(0, m.index - 30), m.index);
    const prior = all.filter((x) => x.end <= m!.index && maleMention(c, x)).sort((a, b) => b.end - a.end)[0];
    const firstMale = all.filter((x) => maleMention(c, x) && x.end <= m!.index).sort((a, b) => a.start - b.start)[0];
    const ref: Who = prior?.who ?? carried;
    let who: Who;
    if (word === 'his') {
      const kin = KIN_AFTER.exec(after);
      if (kin) {
        const r = ref === 'baby' ? 'baby' : ref;
        if (r === 'baby') who = /father|dad/i.test(kin[0]) ? 'him' : /mum|mother|mam/i.test(kin[0]) ? 'mother' : 'relative';
        else who = r === 'him' ? 'his_family' : 'relative';
        const kinEnd = end + kin[0].length;
        for (let i = all.length - 1; i >= 0; i--) if (all[i]!.start < kinEnd && all[i]!.end > m.index) all.splice(i, 1);
        all.push({ start: m.index, end: kinEnd, who, pronoun: true });
        continue;
      }
      who = BABY_NOUN_AFTER.test(after) ? 'baby' : ref;
    } else if (word === 'him' || word === 'himself') {
      who = CARE_BEFORE_HIM.test(before) ? 'baby' : ref === 'baby' && !/\b(?:cried|cries|crying)\b/i.test(before) ? 'baby' : firstMale?.who === 'him'
        || ref === 'him' ? 'him' : ref;
      if (word === 'him' && !CARE_BEFORE_HIM.test(before) && ref !== 'baby') who = 'him';
    } else if (BABY_AFTER.test(after) && !BABY_OBJECT_AFTER.test(after.replace(BABY_AFTER, ''))) {
      who = 'baby';
    } else if (ADULT_AFTER.test(uncontract(after))) {
      // "Mark smelled of alcohol; Ellie says he drinks all day": an adult's verb keeps the adult man last spoken of.
      who = firstMale && firstMale.who !== 'baby' ? firstMale.who : carriedHere && ref !== 'baby' && ref !== 'his_family' ? ref : 'him';
    } else if (word === 'he' && firstMale?.who === 'baby') {
      // "When Aarav screams he gets a tight chest": a baby named before "he" + an adult's verb leaves the man as "he".
      who = carried !== 'baby' ? carried : 'him';
    } else {
      who = firstMale?.who ?? ref;
    }
    all.push({ start: m.index, end, who, pronoun: true });
  }
  return all.sort((a, b) => a.start - b.start);
}

/** "his calm-down plan:", "dad's work:" (not "his mum:"): the line under it is about him, whoever it names. */
const HIS_THING = /^(?:his|dad's|father's)\s+(?!(?:own\s+)?(?:mum|mother|mam|dad|father|nan|gran\w*|brothers?|sisters?|family|parents|partner|ex|girlfriend|wife)\b)/i;

/** Who a heading names, if it names a person. */
function headingWho(h: string | null, p: People): Who | null {
  if (!h) return null;
  const t = h.trim();
  if (t.split(/\s+/)[0] === p.name || p.aliases?.includes(t.split(/\s+/)[0]!) || (p.surname && t.includes(p.surname))) return 'him';
  for (const [who, rx] of HEADING_PEOPLE) if (rx.test(t)) return who;
  if (HIS_THING.test(t)) return 'him';
  if (/^(?:his|dad's|father's)\s/i.test(t)) return 'his_family';
  // "Kayleigh's mood": a heading about someone else by name.
  const known = p.names.get(t.split(/\s+/)[0]!.replace(/'s$/, ''));
  return known ?? null;
}

const OBJECT_BEFORE = /\b(?:on|against|to|with|towards|of|at|for|by|from)\s+(?:a |an |the |his |her )?(?:former |previous |ex-? ?)?$/i;
const FIRST = /^(?:i|me|my|myself|i'm|i've|i'd|i'll)$/i;

/** The subject of the last reporting verb before a quotation: 'he said "I will not be that man"', 'Jordan said "I'm not…"'.
 * The verbs are the lexicon's REPORT_VERBS, and "added", which only ever frames a quote. */
const QUOTE_FRAME = new RegExp(`\\b(he|she|[A-Z][a-z]+)\\s+(?:also |then |has |had )?(?:${REPORT_VERBS}|added)\\b[^"]*$`);

/** Adds mentions for "I/me/my" inside quotations, as the quoted speaker: the subject of the reporting verb before the quote,
 * else the last adult named before it. `male` is the man "he" carries over to this clause. */
function quotedFirstPerson(c: Clause, explicit: Mention[], carried: Who, male: Who = 'him'): void {
  const spans = [...c.text.matchAll(/"[^"]*"?/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const inQuote = (t: Tok) => t.tags.has('Quotation') || spans.some(([a, b]) => t.start >= a && t.start < b);
  const quoted = c.tokens.filter((t) => inQuote(t) && FIRST.test(t.text.replace(/[^A-Za-z']/g, '')));
  if (!quoted.length) return;
  for (const t of quoted) {
    const open = c.text.lastIndexOf('"', t.start);
    const frame = open > 0 ? QUOTE_FRAME.exec(c.text.slice(0, open)) : null;
    // A named speaker is whoever that name is; "he" is the man carried here (never the baby: babies do not speak).
    const pron = frame?.[1]!.toLowerCase();
    const framed: Who | undefined = !frame ? undefined : pron === 'he' ? (male === 'baby' ? 'him' : male) : pron === 'she' ? undefined
      : explicit.find((m) => m.start === frame.index)?.who;
    const sp = framed && framed !== 'unknown' && framed !== 'baby' ? framed
      : explicit.filter((m) => m.end <= t.start && m.who !== 'baby' && m.who !== 'unknown').pop()?.who ?? carried;
    if (sp === 'baby' || explicit.some((x) => t.start < x.end && t.end > x.start)) continue;
    const kin = /^my$/i.test(t.text) ? KIN_AFTER.exec(c.text.slice(t.end)) : null;
    if (kin && sp === 'him') {
      const end = t.end + kin[0].length;
      for (let i = explicit.length - 1; i >= 0; i--) if (explicit[i]!.start < end && explicit[i]!.end > t.start) explicit.splice(i, 1);
      explicit.push({ start: t.start, end, who: 'his_family', pronoun: true });
    }
    else explicit.push({ start: t.start, end: t.end, who: sp === 'female' ? 'mother' : sp, pronoun: true });
  }
  explicit.sort((a, b) => a.start - b.start);
}

/** Between a speaker and whom they talk about: "said (that)", "reports", "told me (that)", "describes". */
const REPORTED_BEFORE = /^\s*(?:has |had |also |then )?(?:said|says|reports?|reported|states?|stated|told (?:me|us|\w+)|describes?|described|feels?|felt|thinks?|believes?|explained|added|mentioned|disclosed|alleges?|alleged|confirmed|worries|worried|is worried|was worried)\s+(?:that\s+)?$/i;

/** A reporting verb, to remember who spoke last. */
const REPORTING = /\b(?:says|said|reports?|reported|states?|stated|told|tells|describes?|described|admits|admitted|denies|denied)\b/i;
/** Speakers other than him whose report a following subjectless "says …" line continues. */
const OTHER_REPORTERS: ReadonlySet<Who> = new Set<Who>(['mother', 'female', 'relative', 'other_adult']);

const SUBJECTLESS_REPORT = /^\W*(?:says|said|reports|reported|states|stated|told (?:me|us|hv|sw)|describes|described|admits|admitted|denies|denied)\b/i;

/** Whether the clause's first word (after adverbs, negation, conjunctions) is a verb, before anyone is named: its subject is elided. */
function verbFirst(tokens: readonly Tok[], firstMention: number): boolean {
  for (const t of tokens) {
    if (t.start >= firstMention) return false;
    if (t.tags.has('Adverb') || t.tags.has('Negative') || t.tags.has('Conjunction')) continue;
    return t.tags.has('Verb') && !t.tags.has('Gerund');
  }
  return false;
}

/** Attributes each clause: mentions (with pronouns resolved), its subject and whether he is mentioned. */
export function attributeMentions(ctx: Ctx): Partial<Ctx> {
  const rx = nameRegexes(ctx.people);
  const dialogue = dashDialogue(ctx);
  let carriedMale: Who = 'him';
  let carriedAt = -1;
  let carriedSubject: Who = 'him';
  let lastSentence = -1;
  let lastSpeaker: Who = 'unknown';
  let sentenceSubject: Who | null = null;
  let blockWho: Who | null = null;
  // Who spoke last, and in which sentence: a bullet that opens on "says" right after "MOB … says …" is still her speaking.
  let reporter: { who: Who; sentence: number } | null = null;
  const clauses = ctx.clauses.map((c) => {
    const s = ctx.sentences[c.sentence]!;
    const hw = headingWho(s.heading, ctx.people);
    const firstClause = c.sentence !== lastSentence;
    if (c.sentence !== lastSentence) {
      // A heading line on its own ("Dad (Connor):", "Mum:") names whom the bullets under it are about.
      if (hw && !s.text.slice((s.heading ?? '').length + 1).trim()) blockWho = hw;
      if (sentenceSubject) carriedSubject = sentenceSubject;
      sentenceSubject = null;
      lastSentence = c.sentence;
      if (hw && MALE.has(hw)) carriedMale = hw;
    }
    const explicit = explicitMentions(c, ctx.people, rx);
    // Transcript lines ("Ashraf: I lose my rag…", "HV: how are you finding it?"): "I" is the speaker, "you" the last other speaker.
    const spk = transcriptSpeaker(s.heading, ctx.people, c.text) ?? dashSpeaker(dialogue, ctx.text, s.start);
    if (spk) {
      const me: Who = spk === 'professional' ? 'unknown' : spk;
      const you: Who = spk === 'professional' ? lastSpeaker : 'unknown';
      if (spk !== 'professional') lastSpeaker = spk;
      for (const m of c.text.matchAll(/\b(?:i|me|my|myself|i'm|i've|i'd|i'll|you|your|yourself)\b/gi)) {
        let who: Who = /^(?:you|your|yourself)$/i.test(m[0]) ? you : me;
        // "my dad" on his line is his own father (his history), not him.
        const kin = /^(?:my|your)$/i.test(m[0]) ? KIN_AFTER.exec(c.text.slice(m.index! + m[0].length)) : null;
        if (kin && who === 'him') {
          const end = m.index! + m[0].length + kin[0].length;
          for (let i = explicit.length - 1; i >= 0; i--) if (explicit[i]!.start < end && explicit[i]!.end > m.index!) explicit.splice(i, 1);
          explicit.push({ start: m.index!, end, who: 'his_family', pronoun: true });
          continue;
        }
        if (who !== 'unknown' && !explicit.some((x) => m.index! < x.end && m.index! + m[0].length > x.start)) explicit.push({ start: m.index!,
          end: m.index! + m[0].length, who, pronoun: true });
      }
      explicit.sort((a, b) => a.start - b.start);
    }
    // Inside a quotation (compromise tags its words Quotation), "I/my" is whoever the clause quotes: the last person named.
    if (!spk) quotedFirstPerson(c, explicit, carriedSubject, carriedMale);
    // A line that opens on a reporting verb ("- says relationship with Shelby is good") is the note's subject speaking.
    const opener = !spk && SUBJECTLESS_REPORT.exec(c.text);
    // Under a heading naming someone it is that person; otherwise, in a note about him, it is him ("says she…" is not).
    if (opener && !/^\s*(?:that )?(?:she|her)\b/i.test(c.text.slice(opener[0].length)) && !explicit.some((m) => m.start < opener[0].length)) {
      const carriedReporter = reporter && reporter.sentence === c.sentence - 1 && OTHER_REPORTERS.has(reporter.who) ? reporter.who : null;
      explicit.unshift({ start: 0, end: 0, who: hw && hw !== 'unknown' ? hw : blockWho ?? carriedReporter ?? 'him', pronoun: true });
    }
    // The man carried from an earlier clause of this sentence ("Mark smelled of drink; Ellie says he drinks") is who "he" means.
    // Under a heading naming another man ("Dale: … He said he works on the bins"), "he" is that man too.
    const headed = hw ?? blockWho;
    const mentions = resolvePronouns(c, explicit, carriedMale, carriedAt === c.sentence || (!!headed && headed === carriedMale && !isHimWho(headed)));
    const talkWith: Who | undefined = spk === 'professional' && lastSpeaker !== 'unknown' ? lastSpeaker : spk ? 'unknown' : undefined;
    const people = mentions.filter((m) => m.who !== 'unknown');
    const topicHeading = !!s.heading && !hw && !HEADING_PRESENT.test(s.heading.trim());
    // On a transcript line the heading is the speaker, not the topic: "Demi: Shouting, slamming the cupboards" goes on about him.
    const implicit: Who = sentenceSubject ?? (spk ? carriedSubject : hw ?? (topicHeading ? 'him' : carriedSubject));
    // "… but has never hurt her": a clause that opens on its verb keeps the sentence's subject; "her" is its object.
    // Only after the sentence's first clause: a note's opening "Discussed sleep with Zoe" is the writer's telegraphic "I".
    const elided = !firstClause && people.length > 0 && !spk && verbFirst(c.tokens, people[0]!.start);
    const subject: Who = elided || (!!s.heading && HIS_THING.test(s.heading.trim())) ? implicit : people[0]?.who ?? implicit;
    const mentionsHim = people.some((m) => m.who === 'him' || m.who === 'couple') || ((people.length === 0 || elided) && (implicit === 'him' || implicit === 'couple'));
    // The male referent carried to the next clause: the subject if male, else the last male mentioned; his family does not move it.
    // A man named as an object ("assault on a former partner") is not who "he" means next.
    const males = people.filter((m) => maleMention(c, m) && !(m.who === 'other_man' && OBJECT_BEFORE.test(c.text.slice(0, m.start))));
    const subjMale = people[0] && males.includes(people[0]) ? people[0].who : males.length ? males[males.length - 1]!.who : null;
    if (subjMale) { carriedMale = subjMale === 'baby' && males.some((m) => m.who === 'him') ? 'him' : subjMale; carriedAt = c.sentence; }
    if (!sentenceSubject && people[0] && !(s.heading && HEADING_PRESENT.test(s.heading.trim()))) {
      // "Rochelle said Dean has a short fuse but has never hurt her": the later clauses are about whom she reported on, not her.
      const reported = people.find((m, i) => i > 0 && REPORTED_BEFORE.test(c.text.slice(people[0]!.end, m.start)) && m.who !== 'baby');
      const first = reported ?? people[0];
      sentenceSubject = first.who === 'female' ? 'mother' : first.who;
    }
    const rv = spk ? null : REPORTING.exec(c.text);
    const teller = rv ? people.filter((m) => m.end <= rv.index && m.who !== 'baby').pop() : undefined;
    if (teller) reporter = { who: teller.who, sentence: c.sentence };
    return { ...c, mentions, subject: subject === 'female' ? 'mother' : subject, mentionsHim: mentionsHim || talkWith === 'him', talkWith,
      speaker: spk ?? undefined };
  });
  return { clauses };
}
