// Step: whether he was seen in person, spoken to (phone counts) or not seen, and who was present.
import { HEADING_PRESENT } from '../lexicon/headings';
import { NOT_PRESENT, PHONE, PRESENT } from '../lexicon/facts';
import { escapeRx } from '../lexicon/util';
import type { Ctx, Facts } from '../types';

const WEAK_PRESENCE = /^(?:held|holding|fed|feeding|changed|changing|winded|winding|cuddling|rocking|bathing)/i;

/** Decides seen / spoken_to / not_seen from presence, phone and absence cues in clauses about him. */
export function detectSeen(ctx: Ctx): Partial<Ctx> {
  const seen: string[] = [];
  const phone: string[] = [];
  const absent: string[] = [];
  const own: string[] = [];
  const present: string[] = [];
  const him = new RegExp(`\\b(?:${escapeRx(ctx.people.name)}|dad|father|partner|daddy|fob)\\b`, 'i');
  for (const s of ctx.sentences) {
    if (s.heading && HEADING_PRESENT.test(s.heading.trim())) {
      const body = s.text.slice(s.heading.length + 1);
      present.push(...body.split(/,|\band\b|;|\//).map((x) => x.replace(/[.]$/, '').trim()).filter(Boolean));
      (him.test(body) && !/\bnot\b/i.test(body) ? seen : absent).push(s.text);
    }
  }
  for (const c of ctx.clauses) {
    if (c.plan) continue;
    const text = ctx.sentences[c.sentence]!.text;
    const aboutHim = c.mentionsHim || c.subject === 'him';
    if (!aboutHim) continue;
    // "Phone call to him, as he was at work": the call is the contact, the absence is the reason for it.
    if (PHONE.test(c.lower)) { phone.push(text); continue; }
    if (NOT_PRESENT.test(c.lower)) { absent.push(text); continue; }
    // Someone else's report ("Kelly said he was in care") never shows he was seen at this contact.
    if (c.source === 'other') continue;
    const p = PRESENT.exec(c.lower);
    if (p && c.subject !== 'baby' && (!WEAK_PRESENCE.test(p[0]) || c.subject === 'him')) seen.push(text);
    if (c.source === 'him') own.push(text);
  }
  const uniq = (a: string[]) => [...new Set(a)];
  let status: Facts['seen']['status'];
  let evidence: string[];
  if (seen.length) { status = 'seen'; evidence = seen; }
  else if (phone.length) { status = 'spoken_to'; evidence = phone; }
  else if (own.length && !absent.length) { status = 'seen'; evidence = own.slice(0, 3); }
  else { status = 'not_seen'; evidence = absent; }
  if (!present.length && status === 'seen') present.push(ctx.input.name);
  return { facts: { ...ctx.facts, present: uniq(present), seen: { status, evidence: uniq(evidence) } } };
}
