// Step: each substance mentioned or suspected for him, with frequency, amount, spend and a derived level.
import type { SubstanceLevel } from '../../records/practice-model';
import { NEGATIONS } from '../lexicon/modality';
import {
  ALCOHOL_UNITS, AMOUNT, PAST_USE, DEPENDENCE_CUES, DRUG_SPEND, FREQUENCY, NOT_ALCOHOL, NUMBER_WORDS, SPEND, SUBSTANCES, UNITS_PER_ITEM, VAGUE_USE,
} from '../lexicon/substances';
import type { Ctx, SubstanceFact } from '../types';
import { isHim } from './attribution';
import { factorWho } from './facts';

const SUB_RX = SUBSTANCES.map(([name, alts]) => [name, new RegExp(`\\b(?:${alts})\\b`, 'gi')] as const);
const NEG_RX = new RegExp(`(?:\\b(?:${NEGATIONS.filter((n) => n !== "n't").join('|')})\\b|n't\\b)`, 'i');
/** Someone's belief that drugs are around: "she thinks 'there's coke about'", "reckons there is weed in the flat". */
const BELIEF = /\b(?:thinks?|reckons?|believes?)(?: that)? ["'‘“]?there(?:'s|’s| is| are| was)\b/i;
const SUSPECT = new RegExp(
  String.raw`\b(?:smell of|smelt of|smelled of|smelling of|paraphernalia|grinder|rizlas?|bong|` +
  String.raw`empty (?:cans|bottles)|suspect\w*|may be|might be|possibly|concerned (?:that|he)|` +
  String.raw`worried (?:that|he))\b|` + BELIEF.source,
  'i',
);

const UNIT = new RegExp(
  String.raw`(cans?|tins?|pints?|bottles?|units?|glass(?:es)?|shots?|measures?|drinks?|litres?|ltrs?|spliffs?|joints?|` +
  String.raw`grams?|\bg\b|lines?|bags?|pills?|tablets?)`,
);

/** "Has a drink to unwind", "when he's had a drink": the idiom is no amount unless a rate follows ("a drink a night"). */
const IDIOM_DRINK = /^an? (?:drink|beer|bevvy)$/i;
// "A drink at the weekend", "a beer at parties" stay the idiom; "a drink at night" is a rate.
const RATE_AFTER = /^\s*(?:a|per|each|every|most|at(?! (?:the )?(?:weekends?|parties|a party|the pub|christmas|times|home|family)))\b/i;

/** The first amount in the text that is a measure, not the idiom "a drink". */
function amountIn(text: string): string | null {
  const rx = new RegExp(AMOUNT.source, AMOUNT.flags.includes('g') ? AMOUNT.flags : AMOUNT.flags + 'g');
  for (let m = rx.exec(text); m; m = rx.exec(text)) {
    if (IDIOM_DRINK.test(m[0]) && !RATE_AFTER.test(text.slice(m.index + m[0].length))) continue;
    return m[0];
  }
  return null;
}

/** Occasions per week implied by a frequency phrase (null if it cannot be read). */
function perWeek(freq: string): number {
  if (/weekend/i.test(freq) && !/every other/i.test(freq)) return 1;
  const f = freq.toLowerCase();
  // "Friday and Saturday", "Fri, Sat": one occasion per day named.
  const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  // "Monday to Thursday": every day of the range.
  const range = /\b(mon|tue|wed|thu|fri|sat|sun)\w* (?:to|till|until|through) (mon|tue|wed|thu|fri|sat|sun)/.exec(f);
  if (range) return ((DAYS.indexOf(range[2]!) - DAYS.indexOf(range[1]!) + 7) % 7) + 1;
  const days = new Set(f.match(/\b(?:mon|tue|wed|thu|fri|sat|sun)/g) ?? []);
  if (days.size > 1) return days.size;
  if (/month/.test(f)) return /twice|two/.test(f) ? 0.5 : /three/.test(f) ? 0.75 : 0.25;
  if (/fortnight/.test(f)) return 0.5;
  if (/\b(?:day|daily|night|nightly|evening|morning|all day|on waking|when he wakes|after (?:work|his shift))\b/.test(f)
    && !/(?:once|twice|three|four|\d+ times|nights?|days?|evenings?) (?:a|per|each|every) week/.test(f) && !/week/.test(f)) return 7;
  if (/most/.test(f)) return 5;
  const n = /(\d+|one|two|three|four|five|six|seven) (?:times|nights?|days?|evenings?)/.exec(f);
  if (n) return Number(n[1]) || NUMBER_WORDS[n[1]!] || 1;
  if (/twice/.test(f)) return 2;
  if (/weekends?/.test(f) && !/between|from/.test(f)) return 2;
  return 1;
}

/** Reads "12-15 cans" as 15 cans (the upper bound), "a quarter" as 7 g. */
function readAmount(a: string): { n: number; unit: string } {
  const t = a.toLowerCase();
  if (/quarter/.test(t)) return { n: 7, unit: 'g' };
  if (/eighth/.test(t)) return { n: 3.5, unit: 'g' };
  if (/half (?:an )?ounce|half ounce/.test(t)) return { n: 14, unit: 'g' };
  if (/ounce|\boz\b/.test(t)) return { n: 28, unit: 'g' };
  if (/teenth/.test(t)) return { n: 1.75, unit: 'g' };
  const nums = [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  let n = nums.length ? Math.max(...nums) : 1;
  if (!nums.length) for (const [w, v] of Object.entries(NUMBER_WORDS)) if (new RegExp(`^${w}\\b`).test(t)) n = v;
  const unit = UNIT.exec(t)?.[1] ?? 'unit';
  return { n, unit: unit.replace(/(?:es|s)$/, '').replace(/^gram$/, 'g') };
}

/** Money in words as well as figures: "£40", "40 quid", "a tenner", "a hundred quid". */
const MONEY_WORDS: Record<string, number> = { fiver: 5, tenner: 10, score: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, hundred: 100 };
function spendValue(s: string): number {
  const n = Number(s.replace(/[^\d.]/g, ''));
  if (n) return n;
  const t = s.toLowerCase();
  for (const [w, v] of Object.entries(MONEY_WORDS)) if (new RegExp(`\\b${w}\\b`).test(t)) return v;
  for (const [w, v] of Object.entries(NUMBER_WORDS)) if (new RegExp(`^${w}\\b`).test(t)) return v;
  return 0;
}

/** The level from frequency and amount/spend; unknown unless frequency and (amount or spend) are both recorded. */
export function deriveLevel(substance: string, f: string | null, a: string | null, s: string | null, dependence: boolean, spirits = false): SubstanceLevel {
  if (dependence || substance === 'heroin') return f || a || s || dependence ? 'dependence' : 'unknown';
  if (!f || (!a && !s)) return 'unknown';
  // An amount given per week ("an eighth a week") is already weekly.
  const occ = a && /\bweek\b/i.test(a) ? 1 : perWeek(f);
  // A spend that says its own period ("£50 a week") is read as written; otherwise it is per occasion of the frequency.
  const per = s ? /week/i.test(s) ? 1 : /day|night/i.test(s) ? 7 : /month/i.test(s) ? 0.25 : null : null;
  const spendWk = s ? spendValue(s) * (per ?? (perWeek(f) >= 7 && !/week/.test(f) ? 7 : /month/.test(f) ? 0.25 : 1)) : 0;
  if (substance === 'alcohol') {
    let units = 0;
    if (a) { const { n, unit } = readAmount(a); const u = unit === 'bottle' && spirits ? 'spirits_bottle' : unit; units = n * (UNITS_PER_ITEM[u] ?? 2) * occ; }
    if (!a && s) units = spendWk / 1.5;
    return units > ALCOHOL_UNITS.dependence ? 'dependence' : units > ALCOHOL_UNITS.misuse ? 'misuse' : 'use';
  }
  let grams = 0;
  if (a) { const { n, unit } = readAmount(a); grams = (unit === 'g' ? n : unit === 'spliff' || unit === 'joint' ? n * 0.3 : n * 0.5) * occ; }
  if (substance === 'cocaine') return occ >= 4 || spendWk >= DRUG_SPEND.dependence ? 'dependence' : occ >= 1 || spendWk >= DRUG_SPEND.misuse ? 'misuse' : 'use';
  if (grams >= 14 || spendWk >= DRUG_SPEND.dependence) return 'dependence';
  if (occ >= 4 || grams >= 3.5 || spendWk >= DRUG_SPEND.misuse) return 'misuse';
  return 'use';
}

/** A clause that opens with an amount or a sum of money: "A tenner most nights", "About 3 cans a night", "£20 a day". */
const RATE_FIRST = new RegExp(String.raw`^\W*(?:(?:about|around|roughly|maybe|probably|prob|usually|like|yeah|yes|erm|um)\W+)*(?:£|\d|` +
  String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a couple of|a few)\s+(?:tenner|fiver|score|quid|pounds?|\w+s?\b))`, 'i');
/** Using, in any form: what carries a rate over to the substance named just before. */
const USE_VERB = /\b(?:smok(?:es|ed|ing)|us(?:es|ed|ing)|drink(?:s|ing)?|drank|tak(?:es|ing)|took|spend(?:s|ing)?|spent)\b/;
/** A denial that runs over a list: "Denies alcohol, drugs and violence", "no alcohol/drugs", "never smoked, drunk or taken drugs". */
const DENIED_LIST = /\b(?:denies|denied|denying|no history of|nil|no)\b(?:\s*[a-z/-]+(?:\s+[a-z/-]+)?\s*(?:,|\band\b|\bor\b|\/))*\s*$/;
/** "has never smoked, drunk or taken drugs": "never" over a list of using verbs (not "never hit anyone and drinks"). */
const NEVER_LIST = /\bnever\s+(?:(?:smoked|drunk|drank|taken|used|had|touched|tried|done)\s*(?:,|\band\b|\bor\b)\s*)+(?:smoked|drunk|drank|taken|used|had|touched|tried|done)?\s*$/;

/** A reply in the same sentence as the question about a substance. */
const REPLY = /\b(?:said|says|told|tells|reported|reports|replied|answered|stated|admit\w*|explained|described)\b/;
/** A negation about what is known, or a comparison, rather than about his use. */
const KNOWING = /\b(?:know|knew|known|info\w*|sure|unclear|clear|aware|idea|tell you|press\w*)\b|\bas much as\b|\bhow (?:much|often|many)\b/;

/** The open screens the practice model names, the substance each scores and its misuse cut-off (men). */
const SCREENS: ReadonlyArray<readonly [string, RegExp, number]> = [['alcohol', /\baudit-?c\b/i, 5], ['cannabis', /\bcudit(?:-?r)?\b/i, 8]];

/** The score of a screen in a clause about him: the total after "=", else the first number after the screen's name. */
function screenScore(ctx: Ctx, rx: RegExp): { score: number; sentence: string } | null {
  for (const c of ctx.clauses) {
    const m = rx.exec(c.text);
    if (!m || c.plan || (!isHim(c.subject) && !c.mentionsHim)) continue;
    const rest = c.text.slice(m.index + m[0].length);
    const n = /=\s*(\d{1,2})\b/.exec(rest) ?? /^[^\d]{0,40}?\b(\d{1,2})\b/.exec(rest);
    if (n && Number(n[1]) <= 40) return { score: Number(n[1]), sentence: ctx.sentences[c.sentence]!.text };
  }
  return null;
}

interface Mentioned {
  name: string; sentence: string; freq: string | null; amount: string | null; spend: string | null;
  negated: boolean; vague: boolean; suspected: boolean; dependence: boolean;
}

/** Finds substance mentions about him (or suspected in the home) and merges them per substance. */
export function extractSubstances(ctx: Ctx): Partial<Ctx> {
  const found: Mentioned[] = [];
  let lastSub: { name: string; sentence: number } | null = null;
  for (const c of ctx.clauses) {
    if (c.plan) continue;
    const sentence = ctx.sentences[c.sentence]!.text;
    const heading = c.headingDomains.includes('substance_use');
    const names = new Map<string, number>();
    for (const [name, rx] of SUB_RX) {
      rx.lastIndex = 0;
      for (let m = rx.exec(c.lower); m; m = rx.exec(c.lower)) {
        if (name === 'alcohol' && NOT_ALCOHOL.test(c.lower.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12))) continue;
        const tail = c.lower.slice(m.index + m[0].length, m.index + m[0].length + 30);
        if (/^(?:\s+(?:and \w+ )?(?:misuse )?(?:service|services|team|worker|workers|support|counsellor|clinic|referral))/.test(tail)) continue;
        // "Asked about alcohol" is the question; "Asked about alcohol, Ross said he 'likes a drink'" has its answer.
        const asked = /\b(?:asked|ask|asking|question\w*|enquired)\b(?: \w+){0,3} (?:about|re|regarding)\b[^.;]*$/.exec(c.lower.slice(0, m.index));
        if (asked && !REPLY.test(asked[0])) continue;
        const suspicion = /^(?:smell|smelt)/.test(m[0]) || SUSPECT.test(c.lower);
        // "He goes out Friday and Saturday with his brother, about six pints each night": the brother is an object, not who drinks.
        const who = factorWho(c, m.index);
        // The one who believes drugs are about ("she thinks there's coke about") is the source, not the user.
        const belief = BELIEF.exec(c.lower);
        const from = belief && belief.index < m.index ? belief.index + belief[0].length : 0;
        const explicitOther = c.mentions.some((x) => x.start >= from && x.end <= m!.index && !x.pronoun && !isHim(x.who));
        // "There was a strong smell of cannabis in the hallway": with nobody named, a subject carried over does not own it.
        const nobody = !c.mentions.some((x) => x.who !== 'unknown');
        if (isHim(who) || (suspicion && !explicitOther && (who !== 'baby' || nobody))) { names.set(name, m.index); break; }
      }
    }
    // "Drinking: never" — the heading names the substance the line is about.
    const hd = ctx.sentences[c.sentence]!.heading ?? '';
    if (heading && !names.size && isHim(c.subject)) names.set(SUB_RX.find(([, rx]) => (rx.lastIndex = 0, rx.test(hd)))?.[0] ?? 'drugs', 0);
    // A question about a substance answered "no"/"never" on the next line is a denial of it.
    const prev = ctx.clauses[ctx.clauses.indexOf(c) - 1];
    if (!names.size && prev?.plan && /\?["']?\s*$/.test(prev.text) && /^\W*(?:no|nope|never|not at all|none|don't|i don't)\b/i.test(c.text)) {
      for (const [name, rx] of SUB_RX) { rx.lastIndex = 0; if (rx.test(prev.lower)) { names.set(name, 0); break; } }
    }
    // "Open to Pathways for cannabis use. He reported smoking daily, spending £70 a week": a use verb with a rate goes on
    // with the one substance named just before.
    if (!names.size && lastSub && c.sentence - lastSub.sentence <= 1 && isHim(c.subject) && USE_VERB.test(c.lower)
      && (FREQUENCY.test(c.text) || SPEND.test(c.text))) names.set(lastSub.name, 0);
    // An answer that is only a rate ("You smoke a bit of weed." "Yeah. A tenner most nights, five or six nights a week."):
    // it opens with the amount or spend and gives a frequency, within two sentences of the one substance named ("He works
    // daily and earns £300 a week" opens with a verb of its own and is not).
    if (!names.size && lastSub && c.sentence - lastSub.sentence <= 2 && isHim(c.subject) && FREQUENCY.test(c.text)
      && RATE_FIRST.test(c.text) && (SPEND.test(c.text) || amountIn(c.text))) names.set(lastSub.name, 0);
    if (names.size === 1) lastSub = { name: [...names.keys()][0]!, sentence: c.sentence };
    if (names.has('drugs') && ['cannabis', 'cocaine', 'heroin', 'other_drugs'].some((n) => names.has(n))) names.delete('drugs');
    for (const [name, at] of names) {
      // Negation reaches back only within its own part of the clause: "never hit anyone and drinks every night" is use.
      // "can't sleep so has a bottle of red most nights": "so" starts a new part too.
      const local = c.lower.slice(Math.max(0, at - 45), at).split(/,|;|\band\b|\bbut\b|\bso\b/).pop()!;
      const after = c.lower.slice(at, at + 60);
      const before = c.lower.slice(0, at);
      // "did not know how much he drinks", "no info re how often", "not drinking as much as he was": not a denial.
      const neg = !KNOWING.test(`${local} ${after.slice(0, 30)}`) && (NEG_RX.test(local) || DENIED_LIST.test(before) || NEVER_LIST.test(before) || PAST_USE.test(local) || PAST_USE.test(after)
        || (at === 0 && NEG_RX.test(c.lower))) && !VAGUE_USE.test(c.lower);
      found.push({
        name, sentence,
        freq: neg ? null : FREQUENCY.exec(c.text)?.[0] ?? null,
        amount: neg ? null : amountIn(c.text),
        spend: neg ? null : SPEND.exec(c.text)?.[0] ?? null,
        negated: neg,
        vague: VAGUE_USE.test(c.lower),
        suspected: SUSPECT.test(c.lower) && c.source !== 'him',
        dependence: DEPENDENCE_CUES.test(c.lower),
      });
    }
  }
  const bySub = new Map<string, Mentioned[]>();
  for (const f of found) bySub.set(f.name, [...(bySub.get(f.name) ?? []), f]);
  const substances: SubstanceFact[] = [];
  for (const [substance, ms] of bySub) {
    const positive = ms.filter((m) => !m.negated || m.freq || m.amount || m.spend);
    const pick = <K extends 'freq' | 'amount' | 'spend'>(k: K) => positive.find((m) => m[k])?.[k] ?? null;
    const frequency = pick('freq');
    const amount = pick('amount');
    const spend = pick('spend');
    const level: SubstanceLevel = positive.length === 0
      ? 'none'
      : deriveLevel(substance, frequency, amount, spend, positive.some((m) => m.dependence),
        positive.some((m) => /vodka|whisk|gin\b|rum\b|spirits/i.test(m.sentence)));
    substances.push({ substance, frequency, amount, spend, level, suspected: positive.length > 0 && positive.every((m) => m.suspected),
      evidence: [...new Set(ms.map((m) => m.sentence))] });
  }
  // A standard screen run with him sets the band the practice model asks for: AUDIT-C ≥ 5 (men) and CUDIT-R ≥ 8 are misuse.
  for (const [substance, rx, cut] of SCREENS) {
    const screen = screenScore(ctx, rx);
    if (!screen) continue;
    const band: SubstanceLevel = screen.score >= cut ? 'misuse' : 'use';
    const s = substances.find((x) => x.substance === substance);
    if (!s) substances.push({ substance, frequency: null, amount: null, spend: null, level: band, suspected: false, evidence: [screen.sentence] });
    else if (s.level === 'unknown' || s.level === 'none' || (s.level === 'use' && band === 'misuse')) s.level = band;
  }
  // A generic "drugs: denies" entry adds nothing next to a specific illicit drug entry with a level.
  return { facts: { ...ctx.facts, substances } };
}
