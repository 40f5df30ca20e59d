// Step: whether he was seen in person, spoken to (phone counts) or not seen, and who was present.
import { HEADING_PRESENT } from '../lexicon/headings';
import { NOT_PRESENT, PHONE, PRESENT } from '../lexicon/facts';
import { ANOTHER_TIME } from '../lexicon/modality';
import { escapeRx } from '../lexicon/util';
import type { Clause, Ctx, Facts, Sentence } from '../types';
import { isHim, whoAt } from './attribution';

const WEAK_PRESENCE = /^(?:held|holding|fed|feeding|changed|changing|winded|winding|cuddling|rocking|bathing)/i;
const NOT_PRESENT_HEADING = /^(?:not present|absent|apologies|not seen|did not attend|not attending|unable to attend|dna)$/i;
/** An absence list on the present line: "Present: Megan (mother), HV. Apologies: none. Not attending: Ashley (father)". */
const ABSENT_SUBHEAD = /^\s*(?:not present|absent|apologies|not seen|did not attend|not attending|unable to attend|dna)\s*[:\-]/i;
const PROFESSIONAL_SPEAKER = /^(?:hv|sw|fsw|gp|me|worker|midwife|cpn|nurse|officer|duty sw|practitioner)$/i;
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|my|me|we|we're|we've|us|our|hiya|yeah|yes|no)\b/i;
const ROLE_HIM = /\b(?:dad|father|daddy|fob|partner|stepdad|stepfather)\b/i;
/** A letter, discharge summary, triage or strategy record from an agency: not a contact with him unless the writer says so. */
const AGENCY_DOC = /^(?:dear\b|re:|to:|from:|patient:|subject:)|\b(?:discharge summary|triage|strategy (?:discussion|meeting)|referral form|notification|records? (?:extract|summary)|chronology|transfer[- ](?:in|letter|summary)|information[- ]sharing|handover to)\b|^(?:yours (?:sincerely|faithfully)|kind regards|many thanks)\b/i;
/** An agency's letterhead in capitals: "PROBATION SERVICE - …", "WESTBRIDGE CHILDREN'S SERVICES". */
const AGENCY_HEAD = /^[A-Z][A-Z'&, -]{2,}\b(?:SERVICES?|POLICE|PROBATION|PRACTICE|TEAM|CONSTABULARY|TRUST)\b/;
/** A dated earlier meeting in an agency's document ("at supervision on 20/11", "at that appointment"): not this contact. */
const EARLIER = new RegExp(String.raw`\b(?:at (?:that|his|her|the|an?) (?:earlier |previous |last |initial )?(?:appointment|assessment|review|session|supervision|consultation|` +
  String.raw`registration|booking)|(?:at|in) (?:supervision|surgery|clinic) on|when (?:i|we) (?:last )?saw \w+ (?:in|on|at))`, 'i');
/** This contact in an agency's document: "I saw Mr Holt for supervision today", "this morning", "today's appointment". */
const TODAY = /\b(?:today|today's|this (?:morning|afternoon|evening)|on arrival)\b/i;
/** The writer's own sight of him in such a document: "I saw him", "we met Lewis at home". */
const WRITER_SAW = new RegExp(String.raw`\b(?:(?:i|we)\s+(?:(?:have|had|then|also)\s+)?(?:saw|met|visited|spoke (?:to|with)|seen|interviewed)|` +
  String.raw`on arrival|at (?:today's|this) (?:home visit|visit|session|appointment|meeting)|(?:told|said to) (?:me|us|officers)|stated)\b`, 'i');
/** The writer meeting him (not only being told something, which a letter reports after the fact): "I spoke to Ryan", "on arrival". */
const WRITER_MET = new RegExp(String.raw`\b(?:(?:i|we)\s+(?:(?:have|had|then|also)\s+)?(?:saw|met|visited|spoke (?:to|with)|seen|interviewed)|` +
  String.raw`on arrival|at (?:today's|this) (?:home visit|visit|session|appointment|meeting)|stated|(?:told|said to) officers)\b`, 'i');
/** Someone else named just before a presence cue: "CHILD PRESENT", "mum present". */
const OTHER_BEFORE_CUE = /\b(?:child|children|baby|infant|mother|mum|mob|partner)\s*$/i;
/** Presence cues that in an agency's record are history, not this contact: "he attended three sessions", "was at home". */
const DOC_WEAK = /^(?:attended|both parents|mum and dad|dad and mum|(?:was|were|is) (?:also )?(?:at home|home|in))$/;
/** A negation just before a presence cue: "has not been present", "never met". */
const NEG_JUST_BEFORE = /\b(?:not|never|no)\b(?:\s+\w+){0,2}\s*$|n't(?:\s+\w+){0,2}\s*$/i;
/** Where he was instead, written without a verb right after his name: "Niamh at home, Aiden at work". */
const AWAY_AFTER_HIM = /^\s*(?:\([^)]*\)\s*)?(?:at work|on (?:a )?(?:shift|nights|a late)|at the gym|out at|away (?:at|on|with|for))\b/i;
/** A call he made to someone else: "he rang 111", "phoned his mum": not a call with the writer. */
const CALLED_OTHER = /\b(?:rang|called|phoned)\s+(?:\d{3}\b|nhs|an ambulance|the (?:police|ambulance|gp|surgery|hospital|out of hours)|(?:his|her) (?:mum|mother|dad|father|brother|sister|gp|boss|work|friend|mate))/i;
/** A call whose other party is him, named after the cue: "telephone contact - SW with Stephen", "call to Dad". */
const CLAUSE_VERB = /\b(?:says|said|is|was|are|were|has|had|told|tells|reports?|reported)\b/;
const PARTY_BEFORE = /\b(?:with|to|from)\s+(?:the )?$/i;
/** A hospital or clinic record of the child brought by him: "Attended 01/12 at 21:30 with father Nathan", "brought in by dad". */
const ACCOMPANIED = /\b(?:attended|brought in|presented|came in)\b[^.;]*?\b(?:with|by) (?:the |his |baby's )?(?:father|dad|stepdad)\b/i;
/** A cue of him arriving part-way: "came home", "joined us" — the present list was written before he came. */
const ARRIVED = /\b(?:came (?:home|in|down)|joined|arrived)\b/i;

/** A call named with its direction: "incoming call … from Daniel", "Call from neighbour", "telephone contact - SW with Stephen". */
const CALL_PARTY = /\b(?:(?:incoming|outgoing|returned) (?:phone |telephone )?call|^(?:tel|telephone|phone|call)\b(?: call| contact)?)[^.]*?\b(?:from|to|with)\s+(?:the |a |an )?([a-z]+)/i;
/** Whoever helps the contact by phone without being it: "Interpreter (Polish) Marta by phone". */
const PHONE_HELPER = /\b(?:interpreter|interpreting|language line|translator)\b/i;
/** Callers and callees who are not him: "Call from neighbour", "rang 111". */
/** A call to or from the mother stays a phone contact (he often comes on the line); a neighbour's or the police's does not. */
const OTHER_PARTY = /^(?:neighbou?rs?|police|officers?|gp|school|nursery|hospital|ambulance|member|public|\d+)$/i;

/** The note's opening line(s) say the contact was a phone or video call with him. */
function phoneContact(ss: Sentence[]): boolean {
  // The heading counts too: "Telephone call: HV to Rhys …. Approx. 25 mins." keeps it only on the line's first sentence.
  // A call with someone else ("Call from neighbour: shouting") or an interpreter on the phone at a visit is not a call with him.
  return ss.slice(0, 2).some((s) => {
    const line = s.heading ?? s.text;
    const party = CALL_PARTY.exec(s.text) ?? CALL_PARTY.exec(line);
    if (party && OTHER_PARTY.test(party[1]!)) return false;
    const p = PHONE.exec(s.text.toLowerCase());
    if (p && !PHONE_HELPER.test(s.text.slice(0, p.index))) return true;
    return !!party || /^(?:tel|telephone|phone|call)\b/i.test(line);
  });
}

/** A transcript line: "Name: what they said" — the heading is a speaker, not a topic. */
function speaker(s: Sentence, ctx: Ctx): 'him' | 'other' | null {
  const h = s.heading?.trim();
  if (!h) return null;
  // First person outside quotations: "Jamie: Carly said 'never hit me'" is a topic heading, not his line.
  if (h === ctx.people.name || ctx.people.aliases?.includes(h) || /^(?:dad|father)$/i.test(h)) return FIRST_PERSON.test(s.text.slice(h.length + 1).replace(/"[^"]*"?/g, ' ')) ? 'him' : null;
  if (PROFESSIONAL_SPEAKER.test(h) || (ctx.people.names.has(h) && ctx.people.names.get(h) !== 'baby')) return 'other';
  return null;
}

/** Whether a present-list item names him: his name, or a role word for him with nobody else's name beside it. */
function itemIsHim(item: string, ctx: Ctx): boolean {
  // "Father (Harry) not present - at football": named in the list to say he was not there.
  if (/\b(?:not (?:present|here|there|seen|at home|in attendance)|absent|dna|did not attend)\b/i.test(item)) return false;
  // "Lorraine (Reece's mother)": his name as someone else's relation is not him.
  if (new RegExp(`\\b(?:${[ctx.people.name, ...(ctx.people.aliases ?? [])].map(escapeRx).join('|')})\\b(?!'s)`).test(item)) return true;
  const others = (item.match(/\b[A-Z][a-z]+\b/g) ?? []).filter((n) => ctx.people.names.has(n));
  return ROLE_HIM.test(item) && !/\b(?:not|no)\b/i.test(item) && others.length === 0 && !/'s (?:partner|dad|father)/i.test(item);
}

/** A presence or absence cue in the clause that is about him (not about the mother or the baby beside him). */
function cueAboutHim(rx: RegExp, c: Clause): boolean {
  const m = rx.exec(c.lower);
  if (!m) return false;
  const who = whoAt(c, m.index + m[0].length);
  return isHim(who) || (who !== 'mother' && who !== 'baby' && who !== 'relative' && who !== 'other_man' && c.subject === 'him');
}

/** Decides seen / spoken_to / not_seen from the contact line, present lists, transcripts and cues in clauses about him. */
export function detectSeen(ctx: Ctx): Partial<Ctx> {
  const seen: string[] = [];
  const phone: string[] = [];
  const absent: string[] = [];
  const own: string[] = [];
  const spoke: string[] = [];
  const present: string[] = [];
  const byPhone = phoneContact(ctx.sentences);
  const agencyDoc = isAgencyDoc(ctx.sentences);
  // Once the document dates the writer's meeting with him earlier ("at supervision on 20/11 he told me"), its undated "told me" is that meeting too.
  const datedEarlier = agencyDoc && ctx.sentences.some((x) => WRITER_SAW.test(x.text) && EARLIER.test(x.text) && !TODAY.test(x.text));
  // A document that says the writer met him at this contact ("I saw Mr Holt today") makes its "he told me" that meeting.
  const docMet = agencyDoc && ctx.sentences.some((x) => (WRITER_MET.test(x.text) || (TODAY.test(x.text) && (WRITER_SAW.test(x.text)
    || /\b(?:came|attended|joined|was present)\b/i.test(x.text))) || ACCOMPANIED.test(x.text)) && !EARLIER.test(x.text));
  let listed: boolean | null = null;
  for (const s of ctx.sentences) {
    const h = s.heading?.trim() ?? '';
    const body = s.heading ? s.text.slice(s.heading.length + 1) : s.text;
    // A later sentence of the present line ("… PC Sam Whitely. Not attending: Ashley") keeps the heading but not its text.
    const line = s.heading && !s.text.startsWith(s.heading) ? s.text : body;
    const sub = HEADING_PRESENT.test(h) ? ABSENT_SUBHEAD.exec(line) : null;
    if (sub) {
      if (items(line.slice(sub[0].length)).some((i) => itemIsHim(i, ctx))) absent.push(s.text);
    } else if (HEADING_PRESENT.test(h)) {
      const items = body.split(/,|\band\b|;|\/|\+|\.\s/).map((x) => x.replace(/[.]$/, '').trim()).filter(Boolean);
      present.push(...items);
      const him = items.some((i) => itemIsHim(i, ctx));
      listed = listed || him;
      (him ? seen : absent).push(s.text);
    } else if (NOT_PRESENT_HEADING.test(h) && items(body).some((i) => itemIsHim(i, ctx))) absent.push(s.text);
    if (speaker(s, ctx) === 'him') spoke.push(s.text);
  }
  for (const c of ctx.clauses) {
    if (c.plan) continue;
    const s = ctx.sentences[c.sentence]!;
    const text = s.text;
    const aboutHim = c.mentionsHim || c.subject === 'him';
    if (!aboutHim) continue;
    // "Phone call to him, as he was at work": the call is the contact, the absence is the reason for it.
    // "Sasha (by phone) says…", "Strategy discussion (by telephone)": someone else's call, or professionals', is not a call with him.
    // "He told me he rang 111": a call he made to someone else is neither a call with the writer nor a reason to skip the clause.
    const ph = CALLED_OTHER.test(c.lower) ? null : PHONE.exec(c.lower);
    if (ph) {
      // Only a name or role right after the call line ("- Ms Kaur (SW) with Stephen"), not "says Anthony is 'fab with him'".
      const withHim = c.mentions.some((m) => isHim(m.who) && !m.pronoun && m.start >= ph.index + ph[0].length && PARTY_BEFORE.test(c.lower.slice(0, m.start))
        && !CLAUSE_VERB.test(c.lower.slice(ph.index + ph[0].length, m.start)));
      if ((cueAboutHim(PHONE, c) || withHim) && !PROFESSIONALS_CALL.test(c.lower)) phone.push(text);
      continue;
    }
    if (cueAboutHim(NOT_PRESENT, c)) { absent.push(text); continue; }
    // "partner at work" is too often the mother to read as him.
    if (c.mentions.some((m) => isHim(m.who) && !/partner/i.test(c.text.slice(m.start, m.end)) && AWAY_AFTER_HIM.test(c.text.slice(m.end)))) {
      absent.push(text);
      continue;
    }
    // Someone else's report ("Kelly said he was in care") never shows he was seen at this contact, nor do transcript lines.
    if (c.source === 'other' || speaker(s, ctx)) continue;
    const p = PRESENT.exec(c.lower);
    // "has not been present", "the crisis team attended": not him here now.
    const negatedCue = !!p && NEG_JUST_BEFORE.test(c.lower.slice(0, p.index));
    const before = p ? c.mentions.filter((m) => m.end <= p.index && m.who !== 'unknown') : [];
    const otherAgent = before.length > 0 && !before.some((m) => isHim(m.who));
    // In an agency's letter or record, only the writer's own "I saw him" shows he was seen.
    // "He has told us…" in a letter was told before the letter: only a meeting, or telling dated today, is this contact.
    const docOk = !agencyDoc || ((WRITER_MET.test(c.lower) || (WRITER_SAW.test(c.lower) && (TODAY.test(text) || docMet)))
      && (TODAY.test(text) || (!EARLIER.test(text) && !datedEarlier)));
    // In a document, "held on file", "while she was holding Finley" are not him at this contact either.
    const cueOk = !!p && (docOk || (!DOC_WEAK.test(p[0]) && !WEAK_PRESENCE.test(p[0]))) && !OTHER_BEFORE_CUE.test(c.lower.slice(0, p.index));
    // When a present list leaves him out, only his arriving part-way ("came home", "joined us") shows he was there.
    const listOk = listed !== false || ARRIVED.test(c.lower);
    // "when he was present at the first visit in August": presence on another occasion is not this contact.
    const otherTime = !!p && ANOTHER_TIME.test(c.lower.slice(p.index));
    if (p && cueOk && !negatedCue && !otherTime && !otherAgent && listOk && c.subject !== 'baby' && (!WEAK_PRESENCE.test(p[0]) || c.subject === 'him')) seen.push(text);
    // "I spoke with the suspect, Lee Barnwell, in the kitchen": the writer meeting him, named next, is him seen (not at another time).
    const met = WRITER_MET.exec(c.lower);
    if (!p && met && /^(?:i|we)\b/.test(met[0]) && !NEG_JUST_BEFORE.test(c.lower.slice(0, met.index)) && !ANOTHER_TIME.test(c.lower)
      && !EARLIER.test(text) && listOk && isHim(c.mentions.find((m) => m.start >= met.index + met[0].length && m.who !== 'unknown')?.who ?? 'unknown')) seen.push(text);
    if (c.source === 'him' && docOk && listed !== false) own.push(text);
  }
  const uniq = (a: string[]) => [...new Set(a)];
  let status: Facts['seen']['status'];
  let evidence: string[];
  if (byPhone && (spoke.length || phone.length)) { status = 'spoken_to'; evidence = [...phone, ...spoke]; }
  else if (spoke.length) { status = 'seen'; evidence = spoke; }
  // A call (the contact line says so) with no in-person cue is speaking to him, not seeing him: "was in the army" is not presence.
  else if (seen.length) { status = byPhone && !seen.some((x) => IN_PERSON.test(x)) ? 'spoken_to' : 'seen'; evidence = seen; }
  else if (phone.length) { status = 'spoken_to'; evidence = phone; }
  else if (own.length && !absent.length) { status = byPhone ? 'spoken_to' : 'seen'; evidence = own.slice(0, 3); }
  else { status = 'not_seen'; evidence = absent; }
  if (!present.length && status === 'seen') present.push(ctx.input.name);
  return { document: agencyDoc, facts: { ...ctx.facts, present: uniq(present), seen: { status, evidence: uniq(evidence).slice(0, 5) } } };
}

/** Whether the note is a letter, summary or record from another agency (its "I" and "me" are that agency, not the practitioner). */
export function isAgencyDoc(ss: readonly Sentence[]): boolean {
  return ss.some((x) => AGENCY_DOC.test(x.text.trim())) || ss.slice(0, 2).some((x) => AGENCY_HEAD.test(x.text.trim()));
}

const PROFESSIONALS_CALL = /\b(?:strategy|meeting|discussion|conference|professionals|core group|case conference)\b/;
const IN_PERSON = /\b(?:in person|face to face|face-to-face|visited|home visit|at (?:the )?(?:home|clinic|office|visit)|joined (?:us|the visit)|came (?:home|in|to)|answered the door|present)\b/i;

/** A present list's items. */
function items(body: string): string[] {
  return body.split(/,|\band\b|;|\/|\+/).map((x) => x.replace(/[.]$/, '').trim()).filter(Boolean);
}
