// Structured logs with pino: ids and events only. Never pass note text, answers or names to these.
import pino, { type Logger } from 'pino';

/** Creates the process logger; tests pass 'silent'. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'seen' }, redact: { paths: ['text', '*.text', 'name', '*.name', 'value', '*.value'], remove: true } });
}
