import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { applyCardSubmit, unwrapCardData } from '../../bot/card-submit';
import { AdaptiveCardActionValue, executeToSubmit } from '../../adapters/teams/activity';
import { t } from '../../prompts';

// Issue 16.2: one shape for all card data, Seen's own {action, ...}; channel wrappers are stripped before parsing.
describe('bot: card submissions, one shape on every path', () => {
  const submit = (value: unknown, text = ''): [ReturnType<typeof applyCardSubmit>, string | undefined] => {
    const activity: Partial<Activity> = { type: 'message', text, value };
    return [applyCardSubmit(activity), activity.text];
  };

  // [what, card data as it arrives (Action.Submit), outcome, the text the routes then read]
  const submits: Array<[string, unknown, ReturnType<typeof applyCardSubmit>, string | undefined]> = [
    ['Seen\'s own prepare button', { action: 'prepare', caseRef: 'demo-2' }, 'card', 'prepare DEMO-2'],
    ['Seen\'s own discussed button', { action: 'discussed', caseRef: 'DEMO-5' }, 'card', 'discussed DEMO-5'],
    ['confirm on the review card', { action: 'confirm' }, 'card', t('writeup.confirm')],
    ['own data with a Teams msteams wrapper added', { action: 'writeUp', caseRef: 'DEMO-1', msteams: { type: 'messageBack', displayText: 'x' } }, 'card', 'write up DEMO-1'],
    ['own data with Web Chat\'s card-action wrapper', { action: 'discard', __isBotFrameworkCardAction: true, cardAction: { type: 'postBack' } }, 'card', t('writeup.discard')],
    ['an older card\'s imBack wrapper only (Teams)', { msteams: { type: 'imBack', value: 'prepare DEMO-2' } }, 'card', 'prepare DEMO-2'],
    ['an older card\'s imBack in both wrappers (the coverage card before 16.2)', { __isBotFrameworkCardAction: true, cardAction: { type: 'imBack', value: 'prepare DEMO-1', title: 'Prepare DEMO-1' }, msteams: { type: 'imBack', value: 'prepare DEMO-1' } }, 'card', 'prepare DEMO-1'],
    ['a messageBack wrapper carrying text', { msteams: { type: 'messageBack', text: 'coverage', displayText: 'Coverage' } }, 'card', 'coverage'],
    // Unhappy paths: nothing Seen can read, nothing guessed.
    ['a wrapper with nothing in it', { msteams: { type: 'imBack' } }, 'invalid', ''],
    ['a wrapper of an unknown kind', { msteams: { type: 'signin', value: 'https://example.test' } }, 'invalid', ''],
    ['own data with an extra field, wrapper or not', { action: 'prepare', caseRef: 'DEMO-1', extra: 1, msteams: { type: 'imBack', value: 'x' } }, 'invalid', ''],
    ['an unknown action', { action: 'delete', caseRef: 'DEMO-1' }, 'invalid', ''],
    ['a case reference that is not one', { action: 'prepare', caseRef: 'DEMO 1; drop' }, 'invalid', ''],
    ['an array', [{ action: 'confirm' }], 'invalid', ''],
    ['a string', 'prepare DEMO-1', 'invalid', ''],
    ['typed text wins over a value', { action: 'confirm' }, 'text', 'hello'],
  ];
  for (const [what, value, outcome, text] of submits) {
    it(`Action.Submit: ${what}`, () => {
      assert.deepEqual(submit(value, what.startsWith('typed') ? 'hello' : ''), [outcome, text]);
    });
  }

  // [what, Action.Execute's invoke value (Teams' adaptiveCard/action), the text the routes then read, or 'invalid']
  const executes: Array<[string, unknown, string]> = [
    ['verb and caseRef', { action: { type: 'Action.Execute', verb: 'prepare', data: { caseRef: 'DEMO-2' } } }, 'prepare DEMO-2'],
    ['action in data wins over the verb', { action: { type: 'Action.Execute', verb: 'x', data: { action: 'confirm' } } }, t('writeup.confirm')],
    ['data wrapped by Teams', { action: { type: 'Action.Execute', verb: 'prepare', data: { caseRef: 'DEMO-3', msteams: { type: 'imBack', value: 'prepare DEMO-3' } } } }, 'prepare DEMO-3'],
    ['data wrapped by Web Chat', { action: { type: 'Action.Execute', verb: 'discussed', data: { caseRef: 'DEMO-5', __isBotFrameworkCardAction: true, cardAction: { type: 'postBack' } } } }, 'discussed DEMO-5'],
    ['an unknown verb', { action: { type: 'Action.Execute', verb: 'delete', data: { caseRef: 'DEMO-1' } } }, 'invalid'],
    ['an extra field', { action: { type: 'Action.Execute', verb: 'confirm', data: { extra: true } } }, 'invalid'],
  ];
  for (const [what, value, expected] of executes) {
    it(`Action.Execute: ${what}`, () => {
      const [outcome, text] = submit(executeToSubmit(AdaptiveCardActionValue.parse(value)));
      assert.equal(outcome === 'invalid' ? 'invalid' : text, expected);
    });
  }

  it('leaves Seen\'s own fields untouched when stripping', () => {
    assert.deepEqual(unwrapCardData({ action: 'prepare', caseRef: 'DEMO-1', msteams: {}, cardAction: {} }), { data: { action: 'prepare', caseRef: 'DEMO-1' } });
  });
});
