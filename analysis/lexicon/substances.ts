// Substances, frequencies, amounts and spend, and the thresholds that turn them into a level.

/** Substance names: the canonical name and the words that mean it. */
export const SUBSTANCES: ReadonlyArray<readonly [string, string]> = [
  ['alcohol', "alcohol|drink(?:s|ing|er)?|drank|drunk|beers?|lager|cans|can of (?:beer|lager|cider)|(?:the odd|the occasional|an occasional|a single|one) can|tinnies|pints?|wine|vodka|whisk(?:e)?y|spirits|cider|booze|units|hungover|hangover|smell of alcohol|smelt of alcohol"],
  ['cannabis', 'cannabis|weed|skunk|spliffs?|(?:a|\\d+|one|two|three|four|five|six) joints?|smok\\w* (?:a )?joints?|marijuana|smell of (?:cannabis|weed)|smelt of (?:cannabis|weed)|stoned'],
  ['cocaine', 'cocaine|coke|crack'],
  ['heroin', 'heroin|methadone|subutex|opiates?|opioids?'],
  ['other_drugs', 'ketamine|mdma|ecstasy|spice|amphetamines?|speed|benzos?|diazepam|valium|pills'],
  ['drugs', 'drugs?|substances?|illicit'],
];

/** Non-alcohol "drink" contexts that are not alcohol (tea, water, the baby's bottle). */
export const NOT_ALCOHOL = /\b(?:drinks? of (?:water|tea|juice|milk)|cup of|cups of|tea|coffee|soft drinks?|energy drinks?|drinking (?:water|tea|coffee|milk|formula)|drink(?:s|ing)? (?:his|her|the) (?:bottle|milk|feed)|drinking well|drinks well|drink of water)\b/i;

/** Frequencies: specific ones establish a pattern; vague ones do not. */
export const FREQUENCY = /\b(?:on (?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:days?)?(?:,? (?:and |&|or )?\s*)?){2,}|(?:\d+ \w+ )?(?:fri|sat|sun)\b(?:day)?(?:,? (?:and|&) (?:\d+ \w+ )?(?:fri|sat|sun)(?:day)?)+|every (?:day|night|evening|morning|weekend|week|other day|fortnight|month|friday|saturday|sunday|\w+day)|each (?:day|night|evening|weekend|week)|daily|nightly|weekly|monthly|fortnightly|(?:once|twice|three times|four times|\d+ times|(?:one|two|three|four|five|six|seven) (?:nights?|days?|evenings?)) (?:a|per|each|every) (?:day|night|week|month|fortnight|weekend)|(?:a|per) (?:day|night|week|month|weekend|fortnight|evening)|(?:at|on) (?:the )?weekends?|on (?:a )?(?:fridays?|saturdays?|sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|friday and saturday)|(?:fridays?|saturdays?|sundays?) (?:nights?|evenings?)|most (?:days|nights|evenings|weekends)|(?:between|from) friday (?:and|to) (?:saturday|sunday)|(?:on )?(?:his )?days? off|all day|in the mornings?|on waking|when he wakes)\b/i;

/** Amounts: a number (or number word) with a unit, or a fixed quantity. */
export const AMOUNT = /\b(?:(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a couple of|a|half a|a half)(?:\s*(?:-|to|or)\s*(?:\d+|two|three|four|five|six|seven|eight|ten|twelve|fifteen|twenty))?\s*(?:x\s*)?(?:(?:large|small|big|strong|440ml|500ml|\d+ml) )?(?:cans?|pints?|bottles?|units|glasses|glass|shots?|spliffs?|joints?|grams?|g|lines?|bags?|drinks?|litres?|ltrs?|measures|tins?|pills?|tablets?)|a quarter|an eighth|an ounce|a half ounce|half an ounce|a teenth|a gram|\d+(?:\.\d+)?\s*(?:g|grams?|oz|ml|mg))\b(?:\s+(?:a|per|each) week\b)?/i;

/** Money spent. */
export const SPEND = /(?:£\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]* (?:pounds|quid)\b)/i;

/** Vague quantities and frequencies: these do not establish a level. */
export const VAGUE_USE = /\b(?:socially|social drinker|now and (?:then|again)|occasional(?:ly)?|sometimes|likes? a drink|the odd|from time to time|recreational(?:ly)?|a bit|a few|on occasion|every now and then|here and there|not much|not a lot|a little|moderately|in moderation|rarely|hardly ever|seldom|the occasional|casually|when out)\b/i;

/** Qualitative signals of dependence (withdrawal, morning drinking, treatment for dependence). */
export const DEPENDENCE_CUES = /\b(?:dependen\w+|addict\w*|alcoholic|withdrawal|the shakes|first thing in the morning|morning drink\w*|on methadone|methadone script|detox|can.t go a day|cannot go a day)\b/i;

/** Number words to numbers, for amounts. */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, 'a couple of': 2, 'half a': 0.5, 'a half': 0.5,
};

/** Approximate UK units per item, for turning alcohol amounts into weekly units. */
export const UNITS_PER_ITEM: Record<string, number> = {
  can: 2, tin: 2, pint: 2.3, bottle: 9, spirits_bottle: 26, glass: 2.3, unit: 1, shot: 1, measure: 1, drink: 2, litre: 10, ltr: 10,
};

/** Weekly alcohol units above which use is misuse, and above which dependence is likely (screen thresholds, simplified). */
export const ALCOHOL_UNITS = { misuse: 14, dependence: 70 } as const;
/** Weekly spend on illicit drugs above which use is misuse, and dependence. */
export const DRUG_SPEND = { misuse: 40, dependence: 150 } as const;

/** Past use only ("used to", "stopped"): not current use. */
export const PAST_USE = /\b(?:used to|in the past|previously|in his (?:teens|twenties|thirties|youth)|years ago|when he was younger|has not touched|hasn't touched|not touched|has not used|hasn't used|stopped|gave up|given up|quit|no longer|clean for|abstinent)\b/i;
