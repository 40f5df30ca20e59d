// Who a phrase refers to (people.txt): role words for him, the mother, the baby and other relatives.
import type { Who } from '../types';
import { list } from './load';

/** Kin nouns that, after "his", name his own family (his life history) rather than him. */
export const KIN_NOUNS = list('people', 'KIN_NOUNS');

/** Fixed phrases and who they mean; the order is the tie-break when two phrases match at one position. */
export const PERSON_PHRASES: ReadonlyArray<readonly [Who, readonly string[]]> = (['relative', 'other_man', 'him', 'baby', 'mother', 'couple',
  'female'] as const)
  .map((w) => [w, list('people', `PERSON_PHRASES.${w}`)] as const);

/** Role words that can be bound to a named man in the text ("partner Ryan"), by family. */
export const ROLE_FAMILIES: Record<string, readonly string[]> = { father: list('people', 'ROLE_FAMILIES.father'), partner: list('people',
  'ROLE_FAMILIES.partner') };

const MEN_ROLES = 'partner|boyfriend|husband|stepdad|stepfather|step-father|dad|father|brother|uncle|cousin|friend|lodger|grandad|grandfather|ex|ex-partner|Mr';
const PROFESSIONS = ['SW|HV|FSW|GP|PC|DC|social worker|health visitor|midwife|nurse|officer|worker|service|team|chair',
  'practitioner|probation|police|manager|team leader|key worker'].join('|');
const AGE = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days?|weeks?|months?) old';

/** Role words before a name that tell us who the name is ("partner Ryan", "baby Leo", "mum Chloe"); case-sensitive names. */
export const NAME_ROLE_CUES: ReadonlyArray<readonly [Who | 'role', RegExp]> = [
  ['baby', /\b(?:baby|son|daughter|infant)[,:]? +([A-Z][a-z]+)\b/g],
  ['mother', /\b(?:mum|mother|mam|Ms|Mrs|Miss|sister|aunt|nan|grandmother|girlfriend|wife)[,:]? +([A-Z][a-z]+)\b/g],
  ['role', new RegExp(`\\b(?:${MEN_ROLES})[,:]? +([A-Z][a-z]+)\\b`, 'g')],
  ['baby', new RegExp(`\\b([A-Z][a-z]+)(?:,| is| was) (?:now )?${AGE}\\b`, 'g')],
  ['baby', /\b([A-Z][a-z]+)\s+\((?:baby|son|daughter|infant|\d+ ?(?:weeks?|months?|wks?|m))\)/g],
  ['mother', /\b([A-Z][a-z]+)\s+\((?:mum|mother|MGM|PGM)\)/g],
  ['professional', new RegExp(`\\b([A-Z][a-z]+)(?: [A-Z][A-Za-z'-]+)?,? \\((?:[^)]*\\b)?(?:${PROFESSIONS})\\b[^)]*\\)`, 'g')],
  ['professional', new RegExp(`\\b([A-Z][a-z]+) [A-Z][A-Za-z'-]+, (?:${PROFESSIONS.replace(/\b([a-z])/g, (m) => `[${m.toUpperCase()}${m}]`)})\\b`, 'g')],
];

/** Verbs and nouns that make "he" the baby ("he cried", "he settled", "he gained weight"). */
export const BABY_VERBS = list('people', 'BABY_VERBS');
/** Verbs after "he" that only an adult does (speaking, working, drinking): "he" is then not the baby. */
export const ADULT_VERBS = list('people', 'ADULT_VERBS');
