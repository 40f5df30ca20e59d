// The parenting knowledge dialog as [user, expected] turn tables: crying messages discussed, reminders and unhappy paths.
import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { ParentingKnowledgeDialog } from '../../dialogs/domains/parenting-knowledge';
import type { DomainOutcome } from '../../dialogs/domains/domain-dialog';
import { DOMAIN_WORDING, t } from '../../prompts';
import { MAX_TEXT } from '../../records/model';
import { playTurns, type Turn } from '../helpers/turns';

const w = DOMAIN_WORDING.parenting_knowledge;
const client = (): DialogTestClient => new DialogTestClient('test', new ParentingKnowledgeDialog());
const result = (c: DialogTestClient): DomainOutcome => c.dialogTurnResult.result as DomainOutcome;
const reminder = (...keys: Parameters<typeof t>[0][]): string => t('parenting.cryingReminder', { messages: keys.map((k) => t(k)).join('\n- ') });

// The opening turns up to the crying messages question.
const opening: Turn[] = [
  ['start', [w.question]],
  ['He winds her after every feed and said he walks her round when she cries.', [t('writeup.askSource')]],
  [t('writeup.sourceOwn'), [t('parenting.askCrying')]],
];

describe('dialogs: parenting_knowledge', () => {
  it('records the messages discussed and reminds of the others', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('parenting.neverShake'), [t('parenting.cryingMore', { picked: t('parenting.neverShake') })]],
      [t('parenting.cryingNormal'), [t('parenting.cryingMore', { picked: `${t('parenting.neverShake')}, ${t('parenting.cryingNormal')}` })]],
      [t('parenting.done'), [reminder('parenting.comfortingHelps', 'parenting.okToWalkAway'), w.strengths]],
      ['Confident with feeds', [w.concerns]],
      ['none noted', []],
    ]);
    const r = result(c);
    assert.deepEqual(r.cryingMessages, ['crying_normal', 'never_shake']);
    assert.deepEqual([r.entry.status, r.entry.strengths, r.entry.concerns], ['covered', 'Confident with feeds', '']);
  });

  it('all four discussed: no reminder, the loop ends by itself', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('parenting.cryingNormal'), [/^Noted/]],
      [t('parenting.comfortingHelps'), [/^Noted/]],
      [t('parenting.okToWalkAway'), [/^Noted/]],
      [t('parenting.neverShake'), [w.strengths]],
      ['none', [w.concerns]],
      ['none', []],
    ]);
    assert.deepEqual(result(c).cryingMessages, ['crying_normal', 'comforting_helps', 'ok_to_walk_away', 'never_shake']);
  });

  it('"none of them" records none and reminds of all four', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      [t('parenting.none'), [reminder('parenting.cryingNormal', 'parenting.comfortingHelps', 'parenting.okToWalkAway', 'parenting.neverShake'), w.strengths]],
      ['none', [w.concerns]],
      ['none', []],
    ]);
    assert.deepEqual(result(c).cryingMessages, []);
  });

  it('reprompts an off-topic choice, answers help and refuses an oversized answer, then carries on', async () => {
    const c = client();
    await playTurns(c, [
      ...opening,
      ['banana', [t('parenting.askCrying')]],
      ['help', [`${t('common.helpInDialog', { where: w.title })}\n\n${w.help}`, t('parenting.askCrying')]],
      ['x'.repeat(MAX_TEXT + 1), [t('common.tooLong', { length: MAX_TEXT + 1, max: MAX_TEXT }), t('parenting.askCrying')]],
      [t('parenting.comfortingHelps'), [t('parenting.cryingMore', { picked: t('parenting.comfortingHelps') })]],
      ['banana', [t('parenting.cryingMore', { picked: t('parenting.comfortingHelps') })]],
    ]);
  });

  it('"not explored" at the crying question asks why and records the domain as absent', async () => {
    const c = client();
    await playTurns(c, [...opening, ['not explored', [t('writeup.askNotExploredReason', { title: w.title.toLowerCase() })]], ['Baby asleep, he left early', [t('guided.topicNotExploredKept')]]]);
    const r = result(c);
    assert.deepEqual([r.entry.status, r.entry.notExploredReason, r.cryingMessages], ['absent', 'Baby asleep, he left early', undefined]);
    assert.ok(r.entry.account.length > 0, 'the account typed before "not explored" is kept');
  });

  it('cancel stops without a result', async () => {
    const c = client();
    await playTurns(c, [...opening, [t('parenting.cryingNormal'), [/^Noted/]], ['cancel', [t('common.cancelled')]]]);
    assert.notEqual(c.dialogTurnResult.status, 'waiting');
    assert.equal(c.dialogTurnResult.result, undefined);
  });
});
