// Who a phrase refers to: role words for him, the mother, the baby and other relatives, as data.
import type { Who } from '../types';

/** Kin nouns that, after "his", name his own family (his life history) rather than him. */
export const KIN_NOUNS = [
  'own father', 'own dad', 'own mum', 'own mother', 'own parents', 'father', 'dad', 'mum', 'mother', 'mam', 'parents',
  'stepfather', 'stepdad', 'step-dad', 'stepmother', 'stepmum', 'nan', 'nana', 'gran', 'grandparents', 'grandmother',
  'grandfather', 'grandad', 'brothers?', 'sisters?', 'siblings', 'family', 'uncle', 'aunt', 'auntie', 'carers',
  'foster carers', 'foster parents',
];

/** Fixed phrases and who they mean, longest first; the first alternative that matches at a position wins. */
export const PERSON_PHRASES: ReadonlyArray<readonly [Who, readonly string[]]> = [
  ['relative', [
    "(?:mum|mother|mum)'s (?:dad|father|brother|mum|mother|sister|parents|family|stepdad|uncle)",
    'her (?:dad|father|brother|mum|mother|sister|parents|family|stepdad|uncle|nan)',
    '(?:maternal|paternal) (?:grand\\w+|uncle|aunt\\w*|family)',
    'grand(?:dad|father|pa|ad|mother|ma|parents|mum)s?', 'great[- ]grand\\w+', 'nan(?:na)?', 'granny', 'gran',
    'uncle', 'aunt(?:ie)?', 'cousin',
  ]],
  ['other_man', [
    "(?:mum|mother)'s (?:ex|ex-partner|former partner|previous partner)", 'her (?:ex|ex-partner|ex partner|former partner|previous partner|brother)',
    'ex-partner', 'ex partner', 'former partner', 'previous partner', 'lodger', 'housemate', 'flatmate', 'neighbour',
    'friend', 'landlord',
  ]],
  ['him', [
    "(?:the )?baby's (?:dad|father)", 'father of (?:the )?baby', 'birth father',
    'biological father', "(?:mum|mother)'s partner", 'her (?:partner|boyfriend|husband|fianc[eé])', 'the father',
    'daddy', 'dad', 'father', 'partner', 'boyfriend', 'husband', 'fianc[eé]', 'fob', 'step-?dad', 'step-?father',
  ]],
  ['baby', [
    'the baby', 'baby', 'infant', 'newborn', 'little one', 'their (?:son|daughter|baby)', 'his (?:son|daughter|baby)',
    'her (?:son|daughter|baby)', 'son', 'daughter', 'twins',
  ]],
  ['mother', [
    'mum', 'mummy', 'mother', 'mam', 'mom', 'ms \\w+', 'mrs \\w+', 'miss \\w+', 'his partner', 'his girlfriend', 'his wife',
  ]],
  ['couple', ['they', 'them', 'their', 'the couple', 'both parents', 'the parents', 'parents', 'both of them']],
  ['female', ['she', 'her', 'herself']],
];

/** Role words that can be bound to a named man in the text ("partner Ryan"), by family. */
export const ROLE_FAMILIES: Record<string, readonly string[]> = {
  father: ['dad', 'daddy', 'father', 'birth father', 'biological father', 'the father', 'fob'],
  partner: ['partner', 'boyfriend', 'husband', 'stepdad', 'step-dad', 'stepfather', 'step-father'],
};

/** Role words before a name that tell us who the name is ("partner Ryan", "baby Leo", "mum Chloe"). */
export const NAME_ROLE_CUES: ReadonlyArray<readonly [Who | 'role', RegExp]> = [
  ['baby', /\b(?:baby|son|daughter|infant)[,:]? +([A-Z][a-z]+)\b/g],
  ['mother', /\b(?:mum|mother|mam|Ms|Mrs|Miss|sister|aunt|nan|grandmother|girlfriend|wife)[,:]? +([A-Z][a-z]+)\b/g],
  ['role', /\b(?:partner|boyfriend|husband|stepdad|stepfather|step-father|dad|father|brother|uncle|cousin|friend|lodger|grandad|grandfather|ex|ex-partner|Mr)[,:]? +([A-Z][a-z]+)\b/g],
  ['baby', /\b([A-Z][a-z]+)(?:,| is| was) (?:now )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days?|weeks?|months?) old\b/g],
  ['baby', /\b([A-Z][a-z]+)\s+\((?:baby|son|daughter|infant|\d+ ?(?:weeks?|months?|wks?|m))\)/g],
  ['mother', /\b([A-Z][a-z]+)\s+\((?:mum|mother|MGM|PGM)\)/g],
];

/** Verbs and nouns that make "he" the baby ("he cried", "he settled", "he gained weight"). */
export const BABY_VERBS = [
  'cried', 'cries', 'crying', 'cry', 'screamed', 'screams', 'screaming', 'slept', 'sleeps', 'sleeping', 'fed', 'feeds',
  'feeding', 'is feeding', 'was feeding', 'settled', 'settles', 'settling', 'weighs', 'weighed', 'gained', 'is gaining',
  'was weighed', 'was born', 'born', 'smiled', 'smiles', 'rolled', 'latched', 'latches', 'had (?:a|his) (?:bottle|feed|nap|jabs|immunisations)',
  'has reflux', 'has colic', 'was sick', 'is sick', 'vomited', 'posset\\w*', 'is teething', 'wakes', 'woke', 'napped',
  'naps', 'is thriving', 'is growing', 'is alert', 'was alert', 'is settled', 'was settled', 'is unsettled', 'was unsettled',
  'is due', 'babbles', 'babbled', 'kicked his legs', 'grizzl\\w+', 'fusses', 'fussed', 'took \\d+ ?(?:oz|ml)',
  'is (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days?|weeks?|months?)',
];

/** Verbs after "he" that only an adult does (speaking, working, drinking): "he" is then not the baby. */
export const ADULT_VERBS = [
  'said', 'says', 'told', 'tells', 'reports?', 'reported', 'described', 'describes', 'explained', 'explains', 'shared',
  'disclosed', 'admit(?:s|ted)?', 'den(?:y|ies|ied)', 'stated', 'states', 'mentioned', 'feels', 'felt', 'thinks', 'thought',
  'believes', 'hopes', 'wants', 'wanted', 'worries', 'is worried', 'was worried', 'works', 'worked', 'drinks', 'drank',
  'smokes', 'smoked', 'uses', 'used', 'recalls', 'remembers', 'agreed', 'would like', 'talked', 'spoke', 'asked', 'answered',
  'lost his', 'left school', 'grew up', 'was brought up', 'is unemployed', 'has debts', 'owes', 'lives', 'lived', 'moved',
  'acknowledged', 'understands', 'knows', 'is aware', 'is keen', 'was keen', 'is proud', 'gets (?:angry|frustrated|stressed|wound up)',
];
