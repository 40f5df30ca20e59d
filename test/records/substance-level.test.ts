// deriveLevel as a table: none, unknown, dependence, misuse and use, with and without a screen.
import assert from 'node:assert/strict';
import { deriveLevel, isSpecific, type LevelInput } from '../../records/substance-level';
import { scoreAuditC, scoreCuditR } from '../../records/screens';
import type { SubstanceLevel } from '../../records/practice-model';

const base: LevelInput = { frequency: 'weekly', amount: '4 pints', spend: '£20', dependenceSigns: [], harms: [] };

describe('records/substance-level deriveLevel', () => {
  // [case, changes to the base input, expected level]
  const cases: [string, Partial<LevelInput>, SubstanceLevel][] = [
    ['he says he never uses it', { frequency: 'never', amount: '', spend: '' }, 'none'],
    ['never wins even with other answers', { frequency: 'never', harms: ['mood'] }, 'none'],
    ['weekly, 4 pints, nothing else', {}, 'use'],
    ['amount vague but spend specific', { amount: 'a few cans', spend: '£15 a week' }, 'use'],
    ['spend vague but amount specific', { amount: 'two joints', spend: 'not known' }, 'use'],
    ['frequency missing', { frequency: undefined }, 'unknown'],
    ['frequency not known', { frequency: 'not_known' }, 'unknown'],
    ['amount and spend both vague', { amount: 'socially', spend: 'not sure' }, 'unknown'],
    ['amount and spend empty', { amount: '', spend: '' }, 'unknown'],
    ['"likes a drink" establishes nothing', { amount: 'likes a drink', spend: '' }, 'unknown'],
    ['unknown even with harms (level not established)', { amount: 'now and then', spend: '', harms: ['baby_care'] }, 'unknown'],
    ['daily with withdrawal', { frequency: 'daily', dependenceSigns: ['withdrawal'] }, 'dependence'],
    ['4+ a week, needs it to get going', { frequency: 'four_plus_week', dependenceSigns: ['needs_to_get_going'] }, 'dependence'],
    ['weekly with cannot cut down is misuse, not dependence', { dependenceSigns: ['cannot_cut_down'] }, 'misuse'],
    ['harms his sleep', { harms: ['sleep'] }, 'misuse'],
    ['harms care of the baby', { frequency: 'monthly', harms: ['baby_care'] }, 'misuse'],
    ['regular heavy sessions', { frequency: 'two_three_week', heavy: true }, 'misuse'],
    ['heavy but less than monthly is use', { frequency: 'less_than_monthly', heavy: true }, 'use'],
    ['daily without signs or harms is use', { frequency: 'daily' }, 'use'],
    ['AUDIT-C 4 adds nothing', { screen: scoreAuditC([1, 1, 2]) }, 'use'],
    ['AUDIT-C 5 is misuse', { screen: scoreAuditC([1, 2, 2]) }, 'misuse'],
    ['AUDIT-C 10 is misuse', { screen: scoreAuditC([4, 3, 3]) }, 'misuse'],
    ['AUDIT-C 11 is dependence', { screen: scoreAuditC([4, 4, 3]) }, 'dependence'],
    ['CUDIT-R 7 adds nothing', { screen: scoreCuditR([3, 1, 1, 0, 0, 0, 0, 1]) }, 'use'],
    ['CUDIT-R 8 is misuse', { screen: scoreCuditR([3, 1, 1, 0, 0, 1, 0, 1]) }, 'misuse'],
    ['CUDIT-R 12 is dependence', { screen: scoreCuditR([4, 2, 1, 1, 0, 0, 0, 2]) }, 'dependence'],
    ['a screen establishes a level when amounts are vague', { amount: 'not known', spend: 'not known', screen: scoreAuditC([1, 1, 1]) }, 'use'],
    ['a dependence-band screen decides even with frequency unknown', { frequency: 'not_known', screen: scoreAuditC([4, 4, 4]) }, 'dependence'],
  ];
  for (const [name, change, level] of cases) {
    it(`${name} -> ${level}`, () => assert.equal(deriveLevel({ ...base, ...change }), level));
  }
});

describe('records/substance-level isSpecific', () => {
  const cases: [string, boolean][] = [
    ['4 pints', true],
    ['half a gram', true],
    ['a bottle of wine', true],
    ['£30', true],
    ['nothing, his mate gives it him', true],
    ['', false],
    ['socially', false],
    ['now and then', false],
    ['a few', false],
    ['Not known', false],
    ['a lot', false],
  ];
  for (const [text, specific] of cases) it(`"${text}" -> ${specific}`, () => assert.equal(isSpecific(text), specific));
});
