// Who said each sentence the notes path keeps: him, or someone else by name (issue 15.1, 15.3, 15.6).
import type { KnownPerson } from '../../analysis';
import { Statement, statusFromStatements } from '../../records/model';
import type { DomainStatus } from '../../records/practice-model';

/** Verbs that put a sentence in someone's mouth ("Shannon said", "the GP reported"). */
const TOLD = String.raw`(?:said|says|reported|reports|told|tells|stated|states|mentioned|explained|described|disclosed|shared|confirmed|alleged|alleges|thinks|feels|added|raised|informed|worries|is worried)`;
/** Someone other than him who is named by a role rather than a name: family words, services and records. */
const ROLE_WORDS = String.raw`(?:mum|mother|maternal grandmother|grandmother|nan|nana|gran|grandad|sister|brother|aunt|uncle|neighbour|friend|partner|the gp|gp|gp records|police|the police|police records|probation|the probation officer|social worker|midwife|school|nursery|health visitor|records)`;
/** Wording in a follow-up answer that says it is his own account. */
const HIS_OWN = [/\b(?:he|him|dad|father)\s+(?:said|says|told|tells|described|explained|talked|spoke|mentioned|reported|feels|thinks|shared|disclosed)\b/i, /\bwe (?:talked|discussed|spoke)\b/i, /\b(?:in his (?:own )?words|asked him|told me)\b/i];
/** Wording that says he was not asked, so what follows cannot be his own account. */
const NOT_HIM = /\b(?:did(?:n't| not) ask him|not asked him|have(?:n't| not) asked him|not discussed with him|he was(?:n't| not) (?:there|present|in))\b/i;

const ROLE_RX = new RegExp(`^${ROLE_WORDS}$`, 'i');
/** Words that may start a sentence before a reporting verb but are never someone else. */
const NOT_A_TELLER = /^(?:he|she|they|it|we|i|you|dad|father|baby|this|that|there|also|then)$/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A capitalised name the write-up does not know yet still tells a report apart from his account ("Shannon said …"). */
const ANY_NAME_TOLD = new RegExp(String.raw`(?:^|[\s,.;(])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:'s)?\s+(?:\w+ly\s+)?${TOLD}\b`);
// Compiled teller patterns by the names they know, newest last. Why: a write-up asks for every sentence with the same
// people, and compiling the pattern on each call was 2.5 % of a turn under load (bench/README.md, round 3).
const TELLER_RX = new Map<string, RegExp>();
const TELLER_RX_LIMIT = 256;

function tellerRx(who: string): RegExp {
  let rx = TELLER_RX.get(who);
  if (!rx) {
    rx = new RegExp(String.raw`(?:^|[\s,.;(])(?:(?:his|her|the baby's|baby's)\s+)?(${who})(?:'s)?\s+(?:\w+ly\s+)?${TOLD}\b|\baccording to (?:(?:his|her)\s+)?(${who})\b`, 'i');
    if (TELLER_RX.size >= TELLER_RX_LIMIT) TELLER_RX.delete(TELLER_RX.keys().next().value!);
    TELLER_RX.set(who, rx);
  }
  return rx;
}

/** The person (by first name) or role a sentence is reported by, or null when no one else is named as saying it. */
export function tellerOf(sentence: string, hisName: string, people: readonly KnownPerson[]): string | null {
  const names = people.map((p) => p.name).filter((n) => n && n !== hisName);
  const mother = people.find((p) => p.role === 'mother')?.name ?? null;
  const who = [...names.map(escape), ROLE_WORDS].join('|');
  const m = tellerRx(who).exec(sentence) ?? ANY_NAME_TOLD.exec(sentence);
  const found = m?.[1] ?? m?.[2];
  if (!found || NOT_A_TELLER.test(found) || found === hisName) return null;
  const named = names.find((n) => n.toLowerCase() === found.toLowerCase()) ?? (/^[A-Z]/.test(found) && !ROLE_RX.test(found) ? found : undefined);
  if (named) return named;
  // "Mum said…" where the write-up knows the mother by name: keep her name, so the record says who.
  if (/^(?:mum|mother)$/i.test(found) && mother) return mother;
  return capital(found.toLowerCase().replace(/^the /, '').replace(/\bgp\b/, 'GP'));
}

/** A sentence the analysis relied on, as a statement: his unless someone else is named as saying it or the topic is only second-hand. */
export function statementFrom(sentence: string, domainStatus: DomainStatus, hisName: string, people: readonly KnownPerson[]): Statement {
  const by = tellerOf(sentence, hisName, people);
  if (by || domainStatus !== 'covered') return Statement.parse({ text: sentence, source: 'secondhand', by });
  return Statement.parse({ text: sentence, source: 'him', by: null });
}

/** Whose account a typed follow-up answer is, from its own wording; null when the wording does not settle it (then ask). */
export function answerSource(text: string, hisName: string, people: readonly KnownPerson[]): Pick<Statement, 'source' | 'by'> | null {
  const by = tellerOf(text, hisName, people);
  if (by) return { source: 'secondhand', by };
  if (NOT_HIM.test(text)) return { source: 'secondhand', by: null };
  const own = [...HIS_OWN, new RegExp(String.raw`\b${escape(hisName)}\s+${TOLD}\b`, 'i')];
  return own.some((rx) => rx.test(text)) ? { source: 'him', by: null } : null;
}

/** The statements of one topic from the analysis, in note order, each with its own source, and the status they support. */
export function topicStatements(evidence: readonly string[], domainStatus: DomainStatus, hisName: string, people: readonly KnownPerson[]) {
  const statements = evidence.map((s) => statementFrom(s, domainStatus, hisName, people));
  return { statements, status: statusFromStatements(statements) };
}

/** The mother's name where the note gives it ("Mum (Shannon)", "mum, Shannon"), for a write-up that was not told. */
export function motherNamedIn(note: string): string | null {
  return /\b(?:mum|mother)\s*[(,:]\s*([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/i.exec(note)?.[1] ?? null;
}
