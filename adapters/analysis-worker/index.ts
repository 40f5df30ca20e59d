// Note analysis on worker threads, so a long pasted note never holds up other practitioners' turns on the main thread.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { AnalysisResult, type AnalyzeInput } from '../../analysis/types';
import { AnalysisUnavailableError, type NoteAnalyser } from '../../analysis/analyser';

export { AnalysisUnavailableError };

/** How the pool is shaped; the defaults suit one write-up server. */
export interface AnalysisPoolOptions {
  /** Worker threads (at least 1). */
  workers: number;
  /** A note taking longer than this stops its worker (a fresh one takes the next note). */
  timeoutMs?: number;
  /** Heap limit of each worker, so one pathological note cannot exhaust the server's memory. */
  maxHeapMb?: number;
}

/** What a worker posts back: checked, as every boundary is. */
const Reply = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), result: AnalysisResult }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
]);

const Ready = z.object({ ready: z.literal(true) });

interface Pending { resolve(r: AnalysisResult): void; reject(e: Error): void; timer: NodeJS.Timeout | undefined }
interface Slot { worker: Worker; pending: Map<number, Pending>; ready: Promise<void>; markReady(): void }

// Why a bootstrap: the thread loads Seen's TypeScript the way the process does (tsx), under mocha as under npm start.
const THREAD = join(__dirname, 'thread.ts');
const BOOTSTRAP = `require('tsx/cjs'); require(${JSON.stringify(THREAD)});`;

/** Sends each note to whichever of `workers` threads has the fewest waiting; a worker that fails is replaced on the next note. */
export class AnalysisPool implements NoteAnalyser {
  private readonly slots: Array<Slot | undefined>;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: AnalysisPoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new TypeError('AnalysisPool needs at least one worker');
    this.slots = Array.from({ length: options.workers }, () => undefined);
  }

  /** Reads the note on a worker; rejects with AnalysisUnavailableError (never hangs) when that is not possible. */
  analyse(input: AnalyzeInput): Promise<AnalysisResult> {
    if (this.closed) return Promise.reject(new AnalysisUnavailableError('the server is shutting down'));
    const index = this.leastBusy();
    const slot = this.slots[index] ?? this.start(index);
    const id = this.nextId++;
    return new Promise<AnalysisResult>((resolve, reject) => {
      const waiting: Pending = { resolve, reject, timer: undefined };
      slot.pending.set(id, waiting);
      slot.worker.ref();
      slot.worker.postMessage({ id, input });
      // The limit starts once the worker has loaded (a note queued behind others still counts their time).
      void slot.ready.then(() => {
        if (slot.pending.has(id)) waiting.timer = setTimeout(() => void this.fail(index, slot, new AnalysisUnavailableError('it took too long')), this.options.timeoutMs ?? 30_000);
      });
    });
  }

  /** Resolves once every worker started so far has loaded the analyser (npm start waits on it through Seen.warmUp; tests too). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s?.ready));
  }

  /** Starts every worker now rather than on the first note, so the first practitioner to paste does not wait for one to load. */
  warm(): this {
    for (let i = 0; i < this.slots.length; i++) if (!this.slots[i]) this.start(i);
    return this;
  }

  /** Stops every worker; notes still being read are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot, i) => (slot ? this.fail(i, slot, new AnalysisUnavailableError('the server is shutting down')) : undefined)));
  }

  // The slot with the fewest notes waiting (an idle, not yet started slot counts as empty).
  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.slots.length; i++) if ((this.slots[i]?.pending.size ?? 0) < (this.slots[best]?.pending.size ?? 0)) best = i;
    return best;
  }

  private start(index: number): Slot {
    // Why a small young generation: a note's garbage is short-lived, and the default would add tens of MB to the server's memory.
    const resourceLimits = { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 192, maxYoungGenerationSizeMb: 8 };
    const worker = new Worker(BOOTSTRAP, { eval: true, resourceLimits });
    let loaded!: () => void;
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    const slot: Slot = { worker, pending: new Map(), ready, markReady: () => loaded() };
    this.slots[index] = slot;
    worker.on('message', (msg: unknown) => {
      if (Ready.safeParse(msg).success) {
        slot.markReady();
        return this.idle(slot);
      }
      const reply = Reply.safeParse(msg);
      if (!reply.success) return void this.fail(index, slot, new AnalysisUnavailableError('the worker answered in an unknown shape', { cause: reply.error }));
      const waiting = slot.pending.get(reply.data.id);
      if (!waiting) return;
      slot.pending.delete(reply.data.id);
      clearTimeout(waiting.timer);
      this.idle(slot);
      if (reply.data.ok) waiting.resolve(reply.data.result);
      else waiting.reject(new AnalysisUnavailableError(`the analyser failed (${reply.data.error})`));
    });
    worker.on('error', (err) => void this.fail(index, slot, new AnalysisUnavailableError('the worker failed', { cause: err })));
    worker.on('exit', (code) => void this.fail(index, slot, new AnalysisUnavailableError(`the worker stopped (exit code ${code})`)));
    return slot;
  }

  // Why: a worker keeps the process alive while it loads or has notes to read, and never when idle (a finished test or command exits).
  private idle(slot: Slot): void {
    if (slot.pending.size === 0) slot.worker.unref();
  }

  // Refuses every note waiting on this worker and retires it; the next note starts a fresh one.
  private async fail(index: number, slot: Slot, error: AnalysisUnavailableError): Promise<void> {
    if (this.slots[index] === slot) this.slots[index] = undefined;
    // A worker that never loaded must not leave ready() waiting.
    slot.markReady();
    for (const [id, waiting] of slot.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      slot.pending.delete(id);
    }
    await slot.worker.terminate();
  }
}
