// Issue 18: pasted notes are read on a worker thread, so a long note never holds up other people's turns. The worker
// gives the same reading as the main thread; a worker that fails, stops or takes too long is refused clearly and replaced.
import assert from 'node:assert/strict';
import { AnalysisPool, AnalysisUnavailableError } from '../../adapters/analysis-worker';
import { analyzeNote } from '../../analysis';
import { DEMO2_NOTE } from '../fixtures/demo2-paste';

const INPUT = { text: DEMO2_NOTE, name: 'Kyle', otherNames: ['Leo'], people: [{ name: 'Shannon', role: 'mother' as const }] };

describe('adapters: note analysis on worker threads (issue 18)', function () {
  // Why longer: each new worker compiles the analyser once (a second or two on a busy 2-core machine).
  this.timeout(60_000);
  let pool: AnalysisPool | undefined;
  afterEach(async () => pool?.close());

  it('reads a note exactly as the main thread does', async () => {
    pool = new AnalysisPool({ workers: 1 });
    assert.deepEqual(await pool.analyse(INPUT), analyzeNote(INPUT));
  });

  it('two workers share notes sent at once, each answer to its own note', async () => {
    pool = new AnalysisPool({ workers: 2 });
    const inputs = [INPUT, { ...INPUT, text: 'Dan told me he drinks four cans every night.', name: 'Dan' }, { ...INPUT, name: 'Leo' }];
    assert.deepEqual(await Promise.all(inputs.map((i) => pool!.analyse(i))), inputs.map((i) => analyzeNote(i)));
  });

  // [what goes wrong, the reason given]: each is refused with AnalysisUnavailableError, and the next note is read.
  const unhappy: Array<[string, (p: AnalysisPool) => Promise<unknown>, RegExp]> = [
    ['input the analyser refuses (no name)', (p) => p.analyse({ ...INPUT, name: '' }), /the analyser failed \(ZodError\)/],
    ['a note that takes longer than the limit', (p) => p.analyse({ ...INPUT, text: DEMO2_NOTE.repeat(40) }), /took too long/],
    ['the pool is closed first', async (p) => { await p.close(); return p.analyse(INPUT); }, /shutting down/],
  ];
  for (const [what, act, reason] of unhappy) {
    it(`${what}: refused, saying why`, async () => {
      pool = new AnalysisPool({ workers: 1, timeoutMs: 50 }).warm();
      await pool.ready();
      const err = await act(pool).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof AnalysisUnavailableError, `refused with AnalysisUnavailableError, got ${String(err)}`);
      assert.match(err.message, reason);
    });
  }

  it('a worker that dies is replaced: the next note is read', async () => {
    pool = new AnalysisPool({ workers: 1 });
    await pool.analyse(INPUT);
    // Reach the running worker the way a crash would: it exits mid-flight.
    const slot = (pool as unknown as { slots: Array<{ worker: { terminate(): Promise<number> } } | undefined> }).slots[0]!;
    const inFlight = pool.analyse(INPUT).then(() => 'read', (e: unknown) => (e instanceof AnalysisUnavailableError ? 'refused' : String(e)));
    await slot.worker.terminate();
    assert.equal(await inFlight, 'refused');
    assert.deepEqual(await pool.analyse(INPUT), analyzeNote(INPUT));
  });
});
