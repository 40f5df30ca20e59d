// The worker thread's side: reads each note it is sent with analyzeNote and posts the result (or the error's name) back.
import { parentPort } from 'node:worker_threads';
import { analyzeNote, loadAnalyser } from '../../analysis';

/** A request from the pool: an id to answer under, and analyzeNote's input (checked by analyzeNote itself). */
interface Request { id: number; input: unknown }

if (!parentPort) throw new Error('adapters/analysis-worker/thread.ts runs only as a worker thread');
const port = parentPort;
// The learned layer's weights load before "ready", so the first note's time limit is not spent reading them.
loadAnalyser();
// Why say so: the pool's time limit counts from here, not from the seconds it takes to load the analyser.
port.postMessage({ ready: true });
port.on('message', (req: Request) => {
  try {
    port.postMessage({ id: req.id, ok: true, result: analyzeNote(req.input as Parameters<typeof analyzeNote>[0]) });
  } catch (err) {
    // Why only the name and message: the note's text must not travel into logs by way of an error.
    port.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.name : 'Error' });
  }
});
