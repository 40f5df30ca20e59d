// Table tests for issue 19: one [note, expected] row per phenomenon the parse-based reading must get right, with unhappy cases.
import assert from 'node:assert/strict';
import { analyzeNote, type KnownPerson } from '../../analysis';
import { LexiconError, parseLexicon } from '../../analysis/lexicon/load';
import { mendSpelling } from '../../analysis/steps/spelling';
import { peopleFromPresent } from '../../analysis/steps/people';
import type { DomainId, GapCode } from '../../records/practice-model';

interface Row {
  note: string;
  name?: string;
  other?: string[];
  people?: KnownPerson[];
  domains?: Partial<Record<DomainId, 'covered' | 'secondhand' | 'absent'>>;
  gaps?: GapCode[];
  noGaps?: GapCode[];
  seen?: 'seen' | 'spoken_to' | 'not_seen';
  substances?: Record<string, string>;
  factors?: string[];
  noFactors?: string[];
}

/** Phenomenon → rows; the last row of each is the unhappy case (the wording that must NOT be read the same way). */
const TABLES: Record<string, Array<[string, Row]>> = {
  'reported speech and its speaker': [
    ['"according to X"', { note: 'Jamie present. According to Shannon, he drinks every night.', domains: { substance_use: 'secondhand' } }],
    ['"per X:"', { note: 'Phone call with the CPN. Per Lisa: Jamie has bipolar disorder and is stable on lithium.', domains: { mental_health: 'secondhand' } }],
    ["\"X's view is\"", { note: "Jamie present. Shannon's view is that he is stressed about his job.", domains: { pressures: 'secondhand' } }],
    ['"X reports" with a name nobody gave a role', { note: 'Jamie present. Jas (drug service) reports Jamie has attended 4 of 4 key-work sessions for cannabis.', domains: { substance_use: 'secondhand' }, noGaps: ['INFO_NOT_SOUGHT'] }],
    ['he told someone else, not the writer', { note: 'Jamie was not seen. He told his recovery worker he smokes an eighth a week.', domains: { substance_use: 'secondhand' } }],
    ['unhappy: "he told me" is his own account', { note: 'Jamie present. He told me he smokes an eighth of cannabis a week.', domains: { substance_use: 'covered' } }],
  ],
  'negation and denial': [
    ['a denial in his words', { note: 'Jamie present. Jamie said he never drinks and has never used drugs.', substances: { alcohol: 'none', drugs: 'none' }, noGaps: ['SUBSTANCE_LEVEL_UNKNOWN'] }],
    ['a denial written without apostrophes', { note: 'Jamie present.\n- drinking: "never, dont like it"', substances: { alcohol: 'none' } }],
    ['unhappy: a denial of something else does not cancel his use', { note: 'Jamie present. He said he has never hit anyone and drinks every night.', substances: { alcohol: 'unknown' }, gaps: ['SUBSTANCE_LEVEL_UNKNOWN'] }],
  ],
  'pronouns: him or someone else': [
    ['"he and Fiona share"', { note: 'Jamie at home. He said he and Fiona share a bottle of wine most evenings, six nights a week.', other: ['Fiona'], substances: { alcohol: 'misuse' } }],
    ['"my dad" in his quoted words is his father', { note: 'Jamie present. Jamie said: "My dad drank himself to death." He does not drink.', domains: { life_history: 'covered' }, substances: { alcohol: 'none' } }],
    ['unhappy: the grandfather\'s drinking is not his', { note: 'Jamie present. The maternal grandfather drinks heavily every day.', domains: { substance_use: 'absent' } }],
  ],
  'quotations and transcripts': [
    ['"I" on his transcript line is him', { note: 'Phone call - HV to Jamie (dad).\nHV: How are you?\nJamie: I lose my rag with people and I punched a door last week.', seen: 'spoken_to', domains: { frustration_coping: 'covered' }, factors: ['anger_frustration'] }],
    ['the writer\'s line while talking with him', { note: 'Telephone call to Jamie (father).\nJamie: Hiya.\nHV: Talked about crying being normal and never to shake a baby.', noGaps: ['CRYING_NOT_DISCUSSED'] }],
    ['unhappy: "I" on the mother\'s line is her', { note: 'Telephone call with Shannon (mum).\nShannon: I feel really low and I am not sleeping.', people: [{ name: 'Shannon', role: 'mother' }], domains: { mental_health: 'absent' }, seen: 'not_seen' }],
  ],
  'tense: plans and questions are not things that happened': [
    ['a plan', { note: 'Jamie present. I will ask him about his childhood and his drinking next time.', domains: { life_history: 'absent', substance_use: 'absent' } }],
    ['a question', { note: 'Phone call to Jamie.\nHV: Do you drink at all?\nJamie: No, never.', substances: { alcohol: 'none' } }],
    ['an action for someone else in a meeting record', { note: 'Jamie present.\nColette to talk with Jamie about his mood and his drinking.', domains: { mental_health: 'absent', substance_use: 'absent' } }],
    ['unhappy: what he said happened is not a plan', { note: 'Jamie present. He said he grew up in foster care and will be a different dad.', domains: { life_history: 'covered' } }],
  ],
  'people and roles': [
    ['a known mother by name', { note: 'Jamie was at work. Shannon said he smokes weed every day.', people: [{ name: 'Shannon', role: 'mother' }], domains: { substance_use: 'secondhand' } }],
    ['a woman named with no role, in the issue\'s "mother by name" wording', { note: 'Jamie was at work. Shannon said he drinks every night.', domains: { substance_use: 'secondhand' }, gaps: ['SUBSTANCE_LEVEL_UNKNOWN', 'FATHER_NOT_SEEN'] }],
    ['another man on the case', { note: 'Jamie present. Dean smokes cannabis every day. Jamie said he does not use drugs.', people: [{ name: 'Dean', role: 'other_man' }], substances: { drugs: 'none' } }],
    ["a heading about someone else by name", { note: "Jamie at work.\n- Kayleigh's mood: low, EPDS 14", people: [{ name: 'Kayleigh', role: 'mother' }], domains: { mental_health: 'absent' } }],
    ['unhappy: a name tied to him is him', { note: 'Present: mum, dad (Jamie), baby. Jamie said he drinks two cans on a Saturday.', substances: { alcohol: 'use' } }],
  ],
  'not seen: nothing is his own account': [
    ['records read when he was not seen', { note: 'Jamie was not at home. GP records show he has been treated for depression.', domains: { mental_health: 'secondhand' }, gaps: ['FATHER_NOT_SEEN'] }],
    ['a note that quotes records', { note: 'I have not met Jamie myself; the following is taken from our records. He reported using cannabis daily.', domains: { substance_use: 'secondhand' }, seen: 'not_seen' }],
    ['he told the writer himself on a named day', { note: 'Phone call with Shannon (mum). Jamie was at work. When I visited last Tuesday, Jamie told me himself that he grew up in foster care.', domains: { life_history: 'covered' } }],
    ['unhappy: he told the writer at another time', { note: 'Jamie was not seen today. When I saw him last week he told me he grew up in care.', domains: { life_history: 'covered' } }],
  ],
  'vague reassurance': [
    ["the mother's general praise", { note: 'Jamie at work. Shannon says Jamie is "brilliant with her, dead hands-on".', people: [{ name: 'Shannon', role: 'mother' }], gaps: ['VAGUE_REASSURANCE'], domains: { fatherhood_ideas: 'absent' } }],
    ['praise beside a detail still flags, and the detail counts', { note: 'Jamie at work. Shannon said he is "a really good dad" and does the bath every night.', people: [{ name: 'Shannon', role: 'mother' }], gaps: ['VAGUE_REASSURANCE'], domains: { parenting_knowledge: 'secondhand' } }],
    ['unhappy: his own specific account is not vague', { note: 'Jamie present. He said he does the 2am feed and winds her over his shoulder.', noGaps: ['VAGUE_REASSURANCE'], domains: { parenting_knowledge: 'covered' } }],
  ],
  'substance level from second-hand reports': [
    ['second-hand, no amount', { note: 'Jamie not present. Shannon said Jamie drinks every weekend, loads, but could not say how much.', gaps: ['SUBSTANCE_LEVEL_UNKNOWN'], substances: { alcohol: 'unknown' } }],
    ['hurried spelling and a slash rate', { note: 'Jamie present.\n- says he smokes canabis "3 or 4 spliffs a nite" every nite, spends abt £50/wk', substances: { cannabis: 'misuse' }, noGaps: ['SUBSTANCE_LEVEL_UNKNOWN'] }],
    ['unhappy: frequency and amount give a level', { note: 'Jamie present. He said he drinks 4 pints on a Friday and 4 on a Saturday.', substances: { alcohol: 'use' }, noGaps: ['SUBSTANCE_LEVEL_UNKNOWN'] }],
  ],
  'combining factors stated indirectly': [
    ['community order for assault on an ex-partner, a drink problem, care history', { note: 'Jamie not seen. Probation: Community Order for assault on a former partner. Shannon says he has a drink problem. Records show he grew up in foster care as a child.', factors: ['domestic_abuse', 'substance_misuse', 'childhood_adversity'], gaps: ['FACTORS_COMBINE'] }],
    ['unhappy: someone else\'s drink problem is not his', { note: 'Jamie present. Shannon\'s dad Gary has a drink problem. Jamie said he does not drink.', other: ['Gary'], noFactors: ['substance_misuse'] }],
  ],
};

describe('analyzeNote: reading (issue 19)', () => {
  for (const [phenomenon, rows] of Object.entries(TABLES)) {
    describe(phenomenon, () => {
      for (const [what, r] of rows) {
        it(what, () => {
          const res = analyzeNote({ text: r.note, name: r.name ?? 'Jamie', otherNames: r.other, people: r.people });
          for (const [d, s] of Object.entries(r.domains ?? {})) assert.equal(res.domains[d as DomainId].status, s, d);
          const codes = new Set(res.gaps.map((g) => g.code));
          for (const g of r.gaps ?? []) assert.ok(codes.has(g), `expected gap ${g}; got ${[...codes].join(', ')}`);
          for (const g of r.noGaps ?? []) assert.ok(!codes.has(g), `unexpected gap ${g}`);
          if (r.seen) assert.equal(res.facts.seen.status, r.seen);
          for (const [s, lvl] of Object.entries(r.substances ?? {})) assert.equal(res.facts.substances.find((x) => x.substance === s)?.level, lvl, s);
          for (const f of r.factors ?? []) assert.ok(res.facts.factors.some((x) => x.id === f), `expected factor ${f}`);
          for (const f of r.noFactors ?? []) assert.ok(!res.facts.factors.some((x) => x.id === f), `unexpected factor ${f}`);
        });
      }
    });
  }
});

describe('mendSpelling: hurried wording', () => {
  const ROWS: Array<[string, string]> = [
    ['drinkin cans thru visit', 'drinking cans through visit'],
    ['smokes canabis and spliffs', 'smokes cannabis and spliffs'],
    ['f/o Reuben + MGF Barry', 'father Reuben + maternal grandfather Barry'],
    ['ETOH - "socially"', 'alcohol - "socially"'],
    ['spends £40/wk', 'spends £40 a week'],
    // Unhappy: real words that look like typos stay as written.
    ['within the family; his cousin; heroin', 'within the family; his cousin; heroin'],
    ['the provides and hunger', 'the provides and hunger'],
  ];
  for (const [from, to] of ROWS) it(from, () => assert.equal(mendSpelling(from), to));
});

describe('lexicon files', () => {
  it('parses lists, continuation lines and comments', () => {
    const l = parseLexicon('# c\n== A word i\nfoo\nbar|\\\nbaz\n\n== B list\nx\n');
    assert.deepEqual(l.get('A'), { entries: ['foo', 'bar|baz'], kind: 'word', flags: 'i' });
    assert.deepEqual(l.get('B')?.entries, ['x']);
  });
  it('refuses an entry before any list header', () => {
    assert.throws(() => parseLexicon('foo\n== A list\n'), LexiconError);
  });
});

describe('peopleFromPresent: the people a contact\'s "present" line names', () => {
  it('gives each named person the role beside them and leaves him out', () => {
    assert.deepEqual(peopleFromPresent('Mum (Shannon), Dad (Jamie), baby Leo, Sarah (HV), Kev', 'Jamie'), [
      { name: 'Shannon', role: 'mother' }, { name: 'Leo', role: 'baby' }, { name: 'Sarah', role: 'professional' }, { name: 'Kev', role: 'other' },
    ]);
  });
  it('unhappy: a line with no names gives nobody', () => {
    assert.deepEqual(peopleFromPresent('mum, dad and baby', 'Jamie'), []);
  });
});
