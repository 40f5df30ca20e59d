// How a caller has a note read: the same analyzeNote, either in this thread or elsewhere (a worker) behind one promise.
import type { AnalysisResult, AnalyzeInput } from './types';

/** The note could not be read where it was sent (a worker failed, stopped, ran out of memory or took too long). */
export class AnalysisUnavailableError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`note analysis is unavailable: ${reason}`, options);
    this.name = 'AnalysisUnavailableError';
  }
}

/** Reads one note; the write-up asks through this so the reading can run off the thread that serves everyone's turns. */
export interface NoteAnalyser {
  analyse(input: AnalyzeInput): Promise<AnalysisResult>;
}

/**
 * Reads the note in the calling thread (tests, the command line, and SEEN_ANALYSIS_WORKERS=0). The analyser is loaded at
 * the first note. Why: compromise and natural hold about 13 MB of heap, which every full garbage collection of the
 * thread serving everyone's turns would mark again, though with workers that thread never reads a note.
 */
export const inThisThread: NoteAnalyser = {
  analyse: async (input) => (require('./index') as typeof import('./index')).analyzeNote(input),
};
