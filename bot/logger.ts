// Structured logs with pino: ids and events only. Never pass note text, answers or names to these.
import pino, { type DestinationStream, type Logger } from 'pino';

/** Creates the process logger; tests pass 'silent', or a destination to capture and scan what would be logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'seen' }, redact: { paths: ['text', '*.text', 'name', '*.name', 'value', '*.value'], remove: true } };
  return destination ? pino(options, destination) : pino(options);
}
