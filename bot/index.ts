// `npm start`: parse the environment, build Seen, listen, and say loudly when /api/messages is anonymous.
import { databaseTarget, loadConfig, processEnv } from './config';
import { describeDatabase } from '../adapters/open-database';
import { createLogger } from './logger';
import { composeSeen } from './compose';

/** Starts Seen and stops it cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(processEnv());
  const logger = createLogger(config.SEEN_LOG_LEVEL);
  const seen = await composeSeen(config, logger);
  const { url } = await seen.listen();
  if (!config.MicrosoftAppId) logger.warn({ event: 'anonymous_mode' }, 'MicrosoftAppId is not set: /api/messages accepts UNAUTHENTICATED requests. Use only on this machine.');
  logger.info({ event: 'listening', url, db: describeDatabase(databaseTarget(config)) }, `Seen is running: open ${url}/ for web chat`);
  const stop = () => void seen.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`seen: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
