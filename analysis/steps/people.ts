// Step: learn who is who before reading sentences — his surname, other people's names and roles.
import { NAME_ROLE_CUES, ROLE_FAMILIES } from '../lexicon/people';
import { escapeRx } from '../lexicon/util';
import type { Ctx, KnownPerson, People, PersonRole, Who } from '../types';

/** How a known role maps onto who a mention is about. */
const ROLE_WHO: Record<PersonRole, Who> = {
  mother: 'mother', baby: 'baby', other_man: 'other_man', relative: 'relative', professional: 'professional', other: 'other_adult',
};

/** Classifies a role word before a name ("partner Ryan") by who it usually means. */
function roleWho(role: string): Who {
  if (/^(?:brother|uncle|cousin|grandad|grandfather)$/i.test(role)) return 'relative';
  if (/^(?:friend|lodger|ex|ex-partner)$/i.test(role)) return 'other_man';
  return 'other_man';
}

/** Learns names and role bindings from otherNames and from patterns in the text. */
export function learnPeople(ctx: Ctx): Partial<Ctx> {
  const { name } = ctx.input;
  const text = ctx.text;
  const names = new Map<string, Who>();
  const rolesNotHim = new Set<string>();
  const first = name.split(/\s+/)[0]!;
  let surname: string | null = name.includes(' ') ? name.split(/\s+/).slice(-1)[0]! : null;
  if (!surname) {
    const m = new RegExp(`\\b${escapeRx(first)} ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\\b`).exec(text);
    if (m && !/^(?:Said|Says|Told|Was|Is|Has|And|The|Reports?|Described|Explained|Works|Agreed)$/.test(m[1]!)) surname = m[1]!;
  }
  if (!surname) {
    const misters = new Set([...text.matchAll(/\bMr\.? ([A-Z][a-z]+)\b/g)].map((m) => m[1]!));
    const others = new Set(ctx.input.otherNames.map((n) => n.split(/\s+/).slice(-1)[0]!));
    const mine = [...misters].filter((m) => !others.has(m));
    if (mine.length === 1) surname = mine[0]!;
  }
  // His other names, written beside his own: "Robert (Rob)", "Wes (Wesley)", "Gaz/Gary"; not "Lorraine (Reece's mother)".
  const e = escapeRx(first);
  const aliasRx = new RegExp(`\\b${e}\\s*(?:\\(|/)\\s*([A-Z][a-z]+)\\b|\\b([A-Z][a-z]+)\\s*(?:\\(\\s*${e}\\b(?!'s)|/\\s*${e}\\b)`, 'g');
  const aliases = [...new Set([...text.matchAll(aliasRx)].map((m) => (m[1] ?? m[2])!))]
    .filter((a) => a !== first && !/^(?:Dad|Father|Mum|Baby|Mr|Age|Aged|Not|Present)$/.test(a) && !ctx.input.people.some((p) => p.name.split(/\s+/)[0] === a));
  // His initials in brackets after his name, used as his name in hurried bullets: "Tyrone Baptiste (TB)".
  const ini = new RegExp(`\\b${e}(?:\\s+[A-Z][a-z'-]+)?\\s*\\(([A-Z]{2,3})\\)`).exec(text);
  if (ini && ini[1]![0] === first[0] && !aliases.includes(ini[1]!)) aliases.push(ini[1]!);
  // A nickname in quotes between his names: 'Nathaniel "Nate" Price'.
  for (const m of text.matchAll(new RegExp(`\\b${e}\\s+["“']([A-Z][a-z]+)["”']`, 'g'))) if (!aliases.includes(m[1]!) && m[1] !== first) aliases.push(m[1]!);
  // His name shortened ("Stu" for Stuart, "Matt" for Matthew): a capitalised word of 3+ letters his name starts with.
  const others = new Set([...ctx.input.otherNames, ...ctx.input.people.map((p) => p.name)].map((n) => n.split(/\s+/)[0]!));
  for (const m of text.matchAll(/\b([A-Z][a-z]{2,})\b/g)) {
    const w = m[1]!;
    if (w !== first && first.startsWith(w) && !others.has(w) && !aliases.includes(w)) aliases.push(w);
  }
  // His initial in hurried bullets ("J says", "H + N"): a lone capital his name starts with, when no other known name does.
  const initial = first[0]!;
  if (/^[B-HJ-UWYZ]$/.test(initial) && ![...others].some((o) => o[0] === initial && o !== first)
    && new RegExp(`(?<![\\w.'/-])${initial}(?=\\s+(?:says|said|told|reports|reported|thinks|feels|\\+|&|and)\\b|\\s*\\+)`).test(text)) aliases.push(initial);
  for (const [who, rx] of NAME_ROLE_CUES) {
    rx.lastIndex = 0;
    for (let m = rx.exec(text); m; m = rx.exec(text)) {
      const n = m[1]!;
      if (n === first || n === surname || names.has(n) || aliases.includes(n)) continue;
      if (/^(?:The|He|She|They|We|I|His|Her|Baby|Mum|Dad|And|Was|Is|Has|Had|Said|Who|Not|Also|Both|When|At|In|On|To)$/.test(n)) continue;
      const roleWord = m[0].split(/[\s,:]+/)[0]!.toLowerCase();
      // "partner Yasmin": a woman's name after a role word is the baby's mother, and the role word stays his.
      if (who === 'role' && (femaleName(ctx, n) || femaleByContext(n, text))) { names.set(n, 'mother'); continue; }
      names.set(n, who === 'role' ? roleWho(roleWord) : who);
      if (who === 'role') {
        for (const [, fam] of Object.entries(ROLE_FAMILIES)) if (fam.includes(roleWord)) fam.forEach((r) => rolesNotHim.add(r));
      }
    }
  }
  // Role words bound to him ("partner Dean") are never "not him", even if another man was once called that.
  const mine = new RegExp(
    `\\b(dad|father|partner|boyfriend|husband|stepdad|stepfather)[,:]?\\s+${escapeRx(first)}\\b|` +
    `\\b${escapeRx(first)}\\s*[(,]\\s*(?:the )?(dad|father|partner|boyfriend|husband|stepdad|` +
    `stepfather)`, 'gi');
  for (let m = mine.exec(text); m; m = mine.exec(text)) {
    const r = (m[1] ?? m[2] ?? '').toLowerCase();
    for (const fam of Object.values(ROLE_FAMILIES)) if (fam.includes(r)) fam.forEach((x) => rolesNotHim.delete(x));
  }
  // Roles the write-up already knows win over anything guessed from the text.
  for (const p of ctx.input.people) {
    const key = p.name.split(/\s+/)[0]!;
    if (key !== first) names.set(key, ROLE_WHO[p.role]);
  }
  const parsed = namedInParse(ctx);
  // A woman's name with no role stated: the baby's mother if no one else is, else another woman (not him either way).
  const female = (): Who => ([...names.values()].includes('mother') ? 'female' : 'mother');
  for (const n of ctx.input.otherNames) {
    const key = n.split(/\s+/)[0]!;
    if (key === first || aliases.includes(key)) continue;
    const guess = names.has(key) ? null : guessRole(key, text);
    if (guess === 'other_man' && parsed.get(key)?.has('FemaleName')) names.set(key, female());
    else if (guess && guess !== 'unknown') names.set(key, guess);
  }
  // Anyone else compromise reads as a person's name, with no role stated: not him (issue 19), gendered by the name.
  for (const [n, tags] of parsed) {
    if (n === first || n === surname || names.has(n) || aliases.includes(n)) continue;
    const guess = guessRole(n, text);
    names.set(n, tags.has('FemaleName') && (guess === 'other_man' || guess === 'unknown') ? female()
      : guess !== 'unknown' ? guess : tags.has('MaleName') ? 'other_man' : 'other_adult');
  }
  // Names the write-up passed whose role neither it nor the note gives: still not him.
  for (const n of ctx.input.otherNames) {
    const key = n.split(/\s+/)[0]!;
    if (key !== first && !names.has(key) && !aliases.includes(key)) names.set(key, 'other_adult');
  }
  const people: People = { name: first, surname, names, rolesNotHim, aliases };
  return { people };
}

const REPORTING = /^(?:said|says|told|tells|reports?|reported|stated|states|explained|described|feels|thinks|believes|confirmed|rang|phoned|texted|cancelled|canceled|answered)$/;
const NOT_NAME_TAGS = ['Pronoun', 'Place', 'Date', 'Month', 'WeekDay', 'Organization', 'Determiner', 'Conjunction', 'Preposition'];
const NOT_NAMES = /^(?:Mum|Dad|Baby|Nan|Gran|Present|Plan|Visit|Home|Police|Probation|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * Names compromise's parse marks as people (Person, FirstName), or capitalised words it leaves unknown that speak
 * ("Jas reports", "Precious said") or own something ("Amira's view"); with their tags.
 */
function namedInParse(ctx: Ctx): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  for (const c of ctx.clauses) {
    c.tokens.forEach((t, i) => {
      const word = t.text.replace(/'s$/, '');
      if (!/^[A-Z][a-z]+$/.test(word) || NOT_NAMES.test(word) || NOT_NAME_TAGS.some((x) => t.tags.has(x))) return;
      const next = c.tokens[i + 1]?.normal ?? '';
      if (next === 'basket') return;
      const person = t.tags.has('Person') || t.tags.has('FirstName');
      const speaks = (t.tags.has('ProperNoun') || !t.tags.has('Verb')) && (REPORTING.test(next) || /'s$/.test(t.text) && /^(?:view|account|words)$/.test(next));
      if (person || speaks) out.set(word, t.tags);
    });
  }
  return out;
}

/** compromise reads the word as a woman's first name somewhere in the note. */
function femaleName(ctx: Ctx, n: string): boolean {
  return ctx.clauses.some((c) => c.tokens.some((t) => t.text.replace(/'s$/, '') === n && t.tags.has('FemaleName')));
}

/** The note refers back to the name as "she/her" before any "he/his/him": "partner Shelby's flat, on her tenancy". */
function femaleByContext(n: string, text: string): boolean {
  return new RegExp(`\\b${escapeRx(n)}\\b(?:(?!\\b(?:he|his|him)\\b)[^.]){0,40}\\b(?:she|her)\\b`, 'i').test(text);
}

/** Guesses an otherNames entry's role from the words around it in the text. */
function guessRole(n: string, text: string): Who {
  const e = escapeRx(n);
  if (new RegExp(`\\b${e}'s (?:birth|biological) (?:father|dad)\\b|\\b${e}\\s*\\((?:cp|cin|\\d+ ?(?:wks?|weeks?|months?|m|\\/52))`,
    'i').test(text)) return 'baby';
  if (new RegExp(
    `\\bbaby\\s+${e}\\b|\\b${e}'s (?:weight|feeds?|nappy|cot|bottle|sleep)|\\b(?:sees|` +
    `seeing|visits|contact with|looks? after|looking after|cares? for|caring for|holding|` +
    `held|bathes|bathed|feeds|fed|changed|settles|settled|wind|winds|winded|hands|handed|rocks|rocked) ${e}\\b|\\b${e}\\s+(?:cried|screams|screamed|is screaming|wakes|woke|` +
    `cries|is crying|was crying|slept|sleeps|feeds|fed|settled|settles|was weighed|weighs|` +
    `was born|is \\d+ (?:weeks|months)|has gained|smiled|(?:wouldn't|won't|would not|will not|didn't|did not) (?:stop crying|settle|feed)|` +
    `\\d+\\/52|\\d+ ?(?:wks?|weeks?|months?)(?: old)?\\b)`, 'i').test(text)) return 'baby';
  if (new RegExp(
    `\\b(?:mum|mother|Ms|Mrs|Miss)\\s+${e}\\b|\\b${e}\\s+\\((?:mum|mother)\\)|\\b${e}\\s+(?:said|` +
    `says|told|reported)\\s+she\\b|\\b${e}(?:'s (?:epds|section|c-section|pregnancy|labour|` +
    `breastfeeding)| (?:is|was) (?:breastfeeding|pregnant|recovering))\\b|\\b${e}\\b[^.]{0,40}\\bshe\\b`, 'i').test(text)) return 'mother';
  // A speaker label ("Demi: He smokes") talks about "he"; it is not him.
  if (new RegExp(`\\b${e}\\b(?!\\s*:)[^.]{0,40}\\b(?:he|his|him)\\b`, 'i').test(text)) return 'other_man';
  return 'unknown';
}

/** Role words in a "present" line and the role they give the name beside them. */
const PRESENT_ROLES: ReadonlyArray<readonly [PersonRole, RegExp]> = [
  ['mother', /\b(?:mum|mother|mam|mob)\b/i],
  ['baby', /\b(?:baby|infant|son|daughter)\b/i],
  ['relative', /\b(?:nan|gran\w*|mgm|pgm|mgf|pgf|aunt\w*|uncle|sister|brother|cousin)\b/i],
  ['professional', /\b(?:hv|sw|health visitor|social worker|midwife|fsw|family support|student|nurse|officer|worker|gp|interpreter)\b/i],
];

/**
 * People named in a contact's "present" text ("Mum (Shannon), Dad, baby Leo, HV"), with the role beside each name;
 * names with no role word are "other". His own name and the role words for him are left out.
 */
export function peopleFromPresent(present: string, hisName: string): KnownPerson[] {
  const out: KnownPerson[] = [];
  for (const part of present.split(/,|;|\/|\band\b|&|\+/)) {
    const name = /\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/.exec(part.replace(/^\s*(?:Mum|Mother|Baby|Dad|Father|Nan|Gran|Aunt|Uncle|Mr|Mrs|Ms|Miss)\b/, ''))?.[1];
    if (!name || name === hisName || /\b(?:dad|father|daddy|fob|partner)\b/i.test(part)) continue;
    const role = PRESENT_ROLES.find(([, rx]) => rx.test(part))?.[0] ?? 'other';
    out.push({ name, role });
  }
  return out;
}
