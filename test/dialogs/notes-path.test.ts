import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { NotesDialog, type NotesOutcome } from '../../dialogs/writeup/notes-dialog';
import { DOMAIN_WORDING, t } from '../../prompts';
import { playTurns } from '../helpers/turns';

// A short, fictional note: his own account of two topics, the mother's account of one, nothing on the rest.
const NOTE = [
  'Home visit. Dan, mum (Kelly) and baby Ava present.',
  'Dan told me he grew up in foster care from the age of eight and that he never knew his own dad.',
  'He said being a dad means being there every day and he does the night feeds at weekends.',
  'Kelly said Dan has been drinking more since he lost his job.',
].join('\n');

describe('dialogs: the pasted-notes path', () => {
  const client = () => new DialogTestClient('test', new NotesDialog(), { manName: 'Dan (fictional)', otherNames: ['Baby Ava (fictional)', 'Kelly'] });

  it('shows coverage, asks only about the gaps, and records answers, corrections and "not explored"', async () => {
    const c = client();
    await playTurns(c, [['start', [t('notes.askNotes')]]]);
    const first = await c.sendActivity(NOTE);
    assert.ok((first.text ?? '').startsWith(t('notes.coverageIntro', { man: 'Dan \\(fictional\\)' }).slice(0, 30)), first.text);
    const replies = [first];
    for (let r = c.getNextReply(); r; r = c.getNextReply()) replies.push(r);
    // The analysis is local and fast; the first follow-up is for a domain the note did not cover in his words.
    const asked = replies[replies.length - 1].text;
    const followUps = Object.values(DOMAIN_WORDING).map((w) => w.followUp);
    assert.ok(followUps.includes(asked ?? ''), `expected a follow-up, got ${asked}`);
    assert.notEqual(asked, DOMAIN_WORDING.life_history.followUp, 'life history is in his own words: no follow-up');
    assert.notEqual(asked, DOMAIN_WORDING.fatherhood_ideas.followUp, 'fatherhood ideas are in his own words: no follow-up');
    // Answer the first gap, correct the second, and mark the rest not explored.
    const send = async (text: string) => {
      const all = [await c.sendActivity(text)];
      for (let r = c.getNextReply(); r; r = c.getNextReply()) all.push(r);
      return all.map((r) => r?.text ?? '');
    };
    await send('He said he gets wound up when the baby cries at night and goes outside for five minutes.');
    assert.match((await send(t('notes.alreadyCovered')))[0], /is covered in your notes/);
    for (let guard = 0; c.dialogTurnResult.status === 'waiting' && guard < 20; guard++) {
      await send(t('writeup.notExploredChoice'));
      if (c.dialogTurnResult.status === 'waiting') await send('Ran out of time');
    }
    const out = c.dialogTurnResult.result as NotesOutcome;
    assert.equal(out.outcomes.life_history.entry.status, 'covered');
    assert.equal(out.outcomes.fatherhood_ideas.entry.status, 'covered');
    const answered = Object.values(out.outcomes).filter((o) => o.entry.account.startsWith('He said he gets wound up'));
    assert.equal(answered.length, 1);
    assert.equal(answered[0].entry.status, 'covered');
    assert.ok(Object.values(out.outcomes).some((o) => o.entry.notExploredReason === 'Ran out of time'));
    assert.ok(out.gaps.length > 0 && out.gaps.some((g) => g.answer !== null), 'gaps keep how each was answered');
  });

  it('help mid-way explains, then asks for the notes again; an empty paste is refused', async () => {
    await playTurns(client(), [
      ['start', [t('notes.askNotes')]],
      ['help', [t('common.helpInDialog', { where: t('notes.where') }), t('notes.askNotes')]],
      ['  ', [t('common.empty')]],
    ]);
  });
});
