// The substance use dialog as [user, expected] turn tables: substances, details, screens, levels and the unhappy paths.
import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { SubstanceUseDialog } from '../../dialogs/domains/substance-use';
import type { DomainOutcome } from '../../dialogs/domains/domain-dialog';
import { SCREEN_ITEMS } from '../../dialogs/domains/screen-items';
import { DOMAIN_WORDING, t, type PromptKey } from '../../prompts';
import { MAX_TEXT } from '../../records/model';
import { ITEM_SCORES } from '../../records/screens';
import { playTurns, type Turn } from '../helpers/turns';

const w = DOMAIN_WORDING.substance_use;
const client = (): DialogTestClient => new DialogTestClient('test', new SubstanceUseDialog());
const result = (c: DialogTestClient): DomainOutcome => c.dialogTurnResult.result as DomainOutcome;

// The screen item prompt, exactly as the dialog words it.
function item(instrument: 'AUDIT-C' | 'CUDIT-R', n: number): string {
  const items = SCREEN_ITEMS[instrument];
  return t('substance.screenItem', { instrument, n, total: items.length, question: t(items[n - 1]!.question) });
}

// The opening turns up to the substance question.
const opening: Turn[] = [
  ['start', [w.question]],
  ['He said he uses more since losing his job, mostly at weekends.', [t('writeup.askSource')]],
  [t('writeup.sourceOwn'), [t('substance.askSubstances')]],
];

// One substance's details, from frequency to signs, ending before the screen offer.
function details(name: string, frequency: PromptKey, amount: string, spend: string): Turn[] {
  return [
    [t(frequency), [name === 'alcohol' ? t('substance.askAmountAlcohol') : t('substance.askAmount', { substance: name })]],
    [amount, [t('substance.askSpend', { substance: name })]],
    [spend, [t('substance.askSigns', { substance: name })]],
  ];
}

describe('dialogs: substance_use', () => {
  it('alcohol with AUDIT-C: records frequency, amount, spend, score, band and the level', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('substance.alcohol'), [t('substance.substancesMore', { picked: t('substance.alcohol') })]],
      [t('substance.done'), [t('substance.askFrequency', { substance: t('substance.nameAlcohol') })]],
      ...details(t('substance.nameAlcohol'), 'substance.freqTwoThreeWeek', '4 pints', '£40'),
      [t('substance.signsNone'), [t('substance.offerAuditC')]],
      // The first item (how often) comes from the frequency already given (2 to 3 times a week).
      [t('common.yes'), [item('AUDIT-C', 2)]],
      [t('substance.auditUnits2'), [item('AUDIT-C', 3)]],
      [
        t('substance.howOftenMonthly'),
        [t('substance.levelWithScreen', { substance: 'alcohol', level: t('substance.levelMisuse'), instrument: 'AUDIT-C', score: 7, band: 'increasing risk' }), w.strengths],
      ],
      ['Drinks less since the baby', [w.concerns]],
      ['none noted', []],
    ]);
    const r = result(c);
    assert.equal(r.entry.status, 'covered');
    assert.equal(r.entry.strengths, 'Drinks less since the baby');
    assert.deepEqual(r.substances, [
      {
        substance: 'alcohol',
        frequency: t('substance.freqTwoThreeWeek'),
        amount: '4 pints',
        spend: '£40',
        level: 'misuse',
        screen: { instrument: 'AUDIT-C', answers: [3, 2, 2], score: 7, band: 'increasing risk' },
      },
    ]);
  });

  it('cannabis with CUDIT-R and signs of dependence, then another drug with vague amounts', async () => {
    const c = client();
    const cannabis = t('substance.nameCannabis');
    await playTurns(c, [
      ...opening,
      [t('substance.cannabis'), [t('substance.substancesMore', { picked: t('substance.cannabis') })]],
      [t('substance.other'), [t('substance.substancesMore', { picked: `${t('substance.cannabis')}, ${t('substance.other')}` })]],
      [t('substance.done'), [t('substance.askFrequency', { substance: cannabis })]],
      ...details(cannabis, 'substance.freqDaily', '3 joints', '£60'),
      [t('substance.signWithdrawal'), [t('substance.signsMore', { substance: cannabis, picked: t('substance.signWithdrawal') })]],
      [t('substance.harmMoney'), [t('substance.signsMore', { substance: cannabis, picked: `${t('substance.signWithdrawal')}, ${t('substance.harmMoney')}` })]],
      [t('substance.done'), [t('substance.offerCuditR')]],
      // The first item (how often) comes from the frequency already given (daily: 4 or more times a week).
      [t('common.yes'), [item('CUDIT-R', 2)]],
      [t('substance.cuditHours2'), [item('CUDIT-R', 3)]],
      [t('substance.howOftenWeekly'), [item('CUDIT-R', 4)]],
      [t('substance.howOftenNever'), [item('CUDIT-R', 5)]],
      [t('substance.howOftenMonthly'), [item('CUDIT-R', 6)]],
      [t('substance.howOftenNever'), [item('CUDIT-R', 7)]],
      [t('substance.howOftenNever'), [item('CUDIT-R', 8)]],
      [
        t('substance.cuditQ8Recent'),
        [
          t('substance.levelWithScreen', { substance: cannabis, level: t('substance.levelDependence'), instrument: 'CUDIT-R', score: 15, band: 'possible cannabis use disorder' }),
          t('substance.askOtherName'),
        ],
      ],
      ['ketamine', [t('substance.askFrequency', { substance: 'ketamine' })]],
      ...details('ketamine', 'substance.freqMonthly', 'a bit', t('substance.notKnown')),
      [t('substance.signsNone'), [t('substance.levelRecorded', { substance: 'ketamine', level: t('substance.levelUnknown') }), w.strengths]],
      ['none', [w.concerns]],
      ['Withdrawal when he stops', []],
    ]);
    const [weed, other] = result(c).substances!;
    assert.deepEqual([weed!.level, weed!.screen?.answers, weed!.screen?.score], ['dependence', [4, 2, 3, 0, 2, 0, 0, 4], 15]);
    assert.deepEqual(other, { substance: 'ketamine', frequency: t('substance.freqMonthly'), amount: 'a bit', spend: t('substance.notKnown'), level: 'unknown', screen: null });
  });

  it('a declined screen and "never" each record a level without a score', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('substance.alcohol'), [/^Noted/]],
      [t('substance.cocaine'), [/^Noted/]],
      [t('substance.done'), [t('substance.askFrequency', { substance: 'alcohol' })]],
      ...details('alcohol', 'substance.freqWeekly', '2 pints', '£10'),
      [t('substance.signsNone'), [t('substance.offerAuditC')]],
      [t('common.no'), [t('substance.levelRecorded', { substance: 'alcohol', level: t('substance.levelUse') }), t('substance.askFrequency', { substance: 'cocaine' })]],
      [t('substance.freqNever'), [t('substance.levelRecorded', { substance: 'cocaine', level: t('substance.levelNone') }), w.strengths]],
      ['none', [w.concerns]],
      ['none', []],
    ]);
    assert.deepEqual(result(c).substances!.map((s) => [s.substance, s.level, s.screen]), [['alcohol', 'use', null], ['cocaine', 'none', null]]);
  });

  it('"he uses none" records the denial as level none', async () => {
    const c = client();
    await playTurns(c, [...opening, [t('substance.none'), [t('substance.noneRecorded'), w.strengths]], ['none', [w.concerns]], ['none', []]]);
    assert.deepEqual(result(c).substances, [{ substance: 'alcohol and drugs', frequency: t('substance.freqNever'), amount: '', spend: '', level: 'none', screen: null }]);
  });

  it('reprompts an off-topic choice and answers help with the same question again', async () => {
    const c = client();
    const freq = t('substance.askFrequency', { substance: 'alcohol' });
    await playTurns(c, [
      ...opening,
      ['banana', [t('substance.askSubstances')]],
      ['help', [`${t('common.helpInDialog', { where: w.title })}\n\n${w.help}`, t('substance.askSubstances')]],
      [t('substance.alcohol'), [/^Noted/]],
      [t('substance.done'), [freq]],
      ['banana', [freq]],
      ['help', [`${t('common.helpInDialog', { where: t('substance.detailWhere') })}\n\n${t('substance.detailHelp')}`, freq]],
      [t('substance.freqDaily'), [t('substance.askAmountAlcohol')]],
      ['x'.repeat(MAX_TEXT + 1), [t('common.tooLong', { length: MAX_TEXT + 1, max: MAX_TEXT }), t('substance.askAmountAlcohol')]],
    ]);
  });

  it('"not explored" inside a substance asks why and records the domain as absent', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('substance.alcohol'), [/^Noted/]],
      [t('substance.done'), [t('substance.askFrequency', { substance: 'alcohol' })]],
      [t('substance.freqWeekly'), [t('substance.askAmountAlcohol')]],
      ['not explored', [t('writeup.askNotExploredReason', { title: w.title.toLowerCase() })]],
      ['Mum was present', []],
    ]);
    const r = result(c);
    assert.deepEqual([r.entry.status, r.entry.notExploredReason, r.substances], ['absent', 'Mum was present', undefined]);
  });

  it('help during a screen item re-asks that item; an off-topic answer is reprompted', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('substance.alcohol'), [/^Noted/]],
      [t('substance.done'), [/^How often/]],
      ...details('alcohol', 'substance.freqWeekly', '3 pints', '£15'),
      [t('substance.signsNone'), [t('substance.offerAuditC')]],
      ['banana', [t('substance.offerAuditC')]],
      [t('common.yes'), [item('AUDIT-C', 2)]],
      ['help', [`${t('common.helpInDialog', { where: t('substance.detailWhere') })}\n\n${t('substance.detailHelp')}`, item('AUDIT-C', 2)]],
      ['banana', [item('AUDIT-C', 2)]],
    ]);
  });

  it('"not explored" at the substance question records the domain as absent', async () => {
    const c = client();
    await playTurns(c, [...opening, ['not explored', [t('writeup.askNotExploredReason', { title: w.title.toLowerCase() })]], ['Ran out of time', [t('guided.topicNotExploredKept')]]]);
    assert.deepEqual([result(c).entry.status, result(c).substances], ['absent', undefined]);
  });

  it('cancel in the middle of a screen stops without a result', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('substance.cannabis'), [/^Noted/]],
      [t('substance.done'), [/^How often/]],
      ...details('cannabis', 'substance.freqWeekly', '1 joint', '£10'),
      [t('substance.signsNone'), [t('substance.offerCuditR')]],
      [t('common.yes'), [item('CUDIT-R', 2)]],
      ['cancel', [t('common.cancelled')]],
    ]);
    assert.notEqual(c.dialogTurnResult.status, 'waiting');
    assert.equal(c.dialogTurnResult.result, undefined);
  });

  it('a substance his account names is already picked; alcohol gets alcohol examples and a fortnightly frequency (issue 15 items 12)', async () => {
    const c = client();
    await playTurns(c, [
      ['start', [w.question]],
      ['He said he drinks a few cans on a Friday and does not use cannabis.', [t('writeup.askSource')]],
      [t('writeup.sourceOwn'), [t('substance.substancesMore', { picked: t('substance.alcohol') })]],
      [t('substance.done'), [(a) => assert.ok(a.suggestedActions?.actions.some((x) => x.title === t('substance.freqTwoFourMonth')), 'fortnightly offered')]],
      [t('substance.freqTwoFourMonth'), [t('substance.askAmountAlcohol')]],
    ]);
    assert.match(t('substance.askAmountAlcohol'), /pints/);
    assert.doesNotMatch(t('substance.askAmountAlcohol'), /joint|gram/);
  });

  it('every screen item offers as many options as records/screens.ts scores', () => {
    for (const instrument of ['AUDIT-C', 'CUDIT-R'] as const) {
      assert.deepEqual(SCREEN_ITEMS[instrument].map((i) => i.options.length), ITEM_SCORES[instrument].map((s) => s.length));
    }
  });
});
