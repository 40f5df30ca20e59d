import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { FactorsDialog } from '../../dialogs/writeup/factors-dialog';
import { t } from '../../prompts';
import { playTurns } from '../helpers/turns';

// The practitioner records the factors; Seen names a combination of three or more, never a score.
describe('dialogs: factors recorded for him', () => {
  it('three picked: says they combine and to discuss in supervision; returns them in the model\'s order', async () => {
    const c = new DialogTestClient('test', new FactorsDialog(), { suggested: [] });
    await playTurns(c, [
      ['start', [t('writeup.askFactors')]],
      [t('writeup.factorMentalHealth'), [t('writeup.factorsMore', { picked: t('writeup.factorMentalHealth') })]],
      [t('writeup.factorChildhood'), [/^Recorded: Mental ill-health, Hard childhood/]],
      [t('writeup.factorAnger'), [/^Recorded: /]],
      [t('writeup.factorsDone'), [t('writeup.factorsCombine')]],
    ]);
    assert.deepEqual(c.dialogTurnResult.result, ['childhood_adversity', 'anger_frustration', 'mental_ill_health']);
  });

  it('starts from the suggested factors with the intro (not a score) and a way to remove one (issue 15 item 9)', async () => {
    const c = new DialogTestClient('test', new FactorsDialog(), { suggested: ['substance_misuse', 'mental_ill_health'] });
    await playTurns(c, [
      ['start', [t('guided.factorsIntro'), /^Recorded: Substance misuse, Mental ill-health/]],
      [t('guided.factorsRemove', { factor: t('writeup.factorMentalHealth') }), [t('writeup.factorsMore', { picked: t('writeup.factorSubstance') })]],
      [t('writeup.factorsDone'), []],
    ]);
    assert.deepEqual(c.dialogTurnResult.result, ['substance_misuse']);
    assert.match(t('guided.factorsIntro'), /not a score/);
  });

  it('starts from the suggested factors; two is not a combination', async () => {
    const c = new DialogTestClient('test', new FactorsDialog(), { suggested: ['substance_misuse'] });
    await playTurns(c, [
      ['start', [t('guided.factorsIntro'), t('writeup.factorsMore', { picked: t('writeup.factorSubstance') })]],
      [t('writeup.factorPressures'), [/^Recorded: Substance misuse, External pressures/]],
      [t('writeup.factorsDone'), []],
    ]);
    assert.deepEqual(c.dialogTurnResult.result, ['substance_misuse', 'external_pressures']);
  });

  it('"none of these" records none; help and an off-topic answer re-ask', async () => {
    const c = new DialogTestClient('test', new FactorsDialog(), { suggested: [] });
    await playTurns(c, [
      ['start', [t('writeup.askFactors')]],
      ['help', [t('common.helpInDialog', { where: t('writeup.whereFactors') }), t('writeup.askFactors')]],
      ['bananas', [t('writeup.askFactors')]],
      [t('writeup.factorsNone'), []],
    ]);
    assert.deepEqual(c.dialogTurnResult.result, []);
  });
});
