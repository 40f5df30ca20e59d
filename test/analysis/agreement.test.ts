// Issue 19: two labellers' agreement on the same notes, scored as the analyser is (analysis/agreement.ts), is the ceiling
// an analyser can be expected to reach. A set agrees with itself fully; each kind of disagreement costs what it should.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agreement } from '../../analysis/agreement';
import { SETS, type NoteLabel } from '../../analysis/eval';

/** A copy of the heldout set's labels with `change` applied to the first note, in a fresh folder beside its notes. */
function secondLabeller(change: (l: NoteLabel) => NoteLabel): string {
  const dir = mkdtempSync(join(tmpdir(), 'seen-agreement-'));
  for (const f of readdirSync(SETS.heldout)) if (f.endsWith('.txt')) copyFileSync(join(SETS.heldout, f), join(dir, f));
  const labels = JSON.parse(readFileSync(join(SETS.heldout, 'labels.json'), 'utf8')) as { notes: NoteLabel[] };
  labels.notes[0] = change(labels.notes[0]!);
  writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));
  return dir;
}

describe('analysis: agreement between two labellers (issue 19)', () => {
  const made: string[] = [];
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const run = (change: (l: NoteLabel) => NoteLabel) => {
    const dir = secondLabeller(change);
    made.push(dir);
    return agreement(SETS.heldout, dir);
  };

  it('a set agrees with itself on every figure', () => {
    const r = run((l) => l);
    assert.equal(r.macroF1, 1);
    assert.equal(r.domainAccuracy, 1);
    assert.equal(r.seenAccuracy, 1);
  });

  // [what the second labeller did differently on one note, the figure that drops].
  const rows: Array<[string, (l: NoteLabel) => NoteLabel, (r: ReturnType<typeof agreement>) => number]> = [
    ['called one domain second-hand that the first called covered or absent', (l) => ({ ...l, domains: { ...l.domains, fatherhood_ideas: l.domains.fatherhood_ideas === 'secondhand' ? 'covered' : 'secondhand' } }), (r) => r.domainAccuracy],
    ['said he was not seen where the first said seen (or the reverse)', (l) => ({ ...l, seen: l.seen === 'not_seen' ? 'seen' : 'not_seen' }), (r) => r.seenAccuracy],
    ['added a gap the first did not list', (l) => ({ ...l, gaps: [...new Set([...l.gaps, 'VAGUE_REASSURANCE' as const, 'INFO_NOT_SOUGHT' as const])] }), (r) => r.macroF1],
  ];
  for (const [what, change, figure] of rows) {
    it(`${what}: below full agreement`, () => assert.ok(figure(run(change)) < 1));
  }

  it('a note the second labeller took to be about another man is left out, not scored as disagreement', () => {
    const r = run((l) => ({ ...l, name: 'Somebody' }));
    assert.equal(r.domainAccuracy, 1);
    assert.equal(r.notes, agreement(SETS.heldout, SETS.heldout).notes - 1);
  });
});

describe('analysis: the second labelling of sealed3 (issue 19)', () => {
  it('is read from its own labels.json and scored on the notes both labelled about the same man', () => {
    const r = agreement(SETS.sealed3, join(SETS.sealed3, 'labels-second.json'));
    assert.ok(r.notes >= 40, `${r.notes} notes in common`);
    assert.ok(r.domainAccuracy > 0.9 && r.domainAccuracy < 1, `domain agreement ${r.domainAccuracy}`);
  });
});
