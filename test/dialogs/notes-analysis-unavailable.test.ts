// Issue 18: notes are read on a worker; when that fails, the practitioner is told nothing was taken from the notes and is
// asked for them again, and the next paste is read as usual. An error of any other kind still reaches the turn error handler.
import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { NotesDialog } from '../../dialogs/writeup/notes-dialog';
import { AnalysisUnavailableError, inThisThread, type NoteAnalyser } from '../../analysis/analyser';
import { t } from '../../prompts';
import { DEMO2_NOTE, DEMO2_OPTIONS } from '../fixtures/demo2-paste';

/** An analyser that fails the first `failures` notes with `error`, then reads them in this thread. */
function flaky(failures: number, error: () => Error): NoteAnalyser & { calls: number } {
  return { calls: 0, async analyse(input) { this.calls += 1; if (this.calls <= failures) throw error(); return inThisThread.analyse(input); } };
}

describe('dialogs: the paste path when the notes cannot be read (issue 18)', () => {
  it('a worker failure: says so, asks for the notes again, and reads the next paste', async () => {
    const analyser = flaky(1, () => new AnalysisUnavailableError('the worker stopped (exit code 1)'));
    const c = new DialogTestClient('test', new NotesDialog(analyser), DEMO2_OPTIONS);
    assert.equal((await c.sendActivity('start'))?.text, t('notes.askNotes'));
    const first = [await c.sendActivity(DEMO2_NOTE), c.getNextReply()].map((r) => r?.text);
    assert.deepEqual(first, [t('notes.analysisUnavailable'), t('notes.askNotes')]);
    const second = await c.sendActivity(DEMO2_NOTE);
    assert.notEqual(second?.text, t('notes.analysisUnavailable'));
    assert.equal(analyser.calls, 2);
    assert.equal(c.dialogTurnResult.status, 'waiting');
  });

  it('any other error is not dressed up as "could not read": it reaches the turn error handler', async () => {
    const c = new DialogTestClient('test', new NotesDialog(flaky(1, () => new RangeError('a bug'))), DEMO2_OPTIONS);
    await c.sendActivity('start');
    await assert.rejects(c.sendActivity(DEMO2_NOTE), /a bug/);
  });
});
