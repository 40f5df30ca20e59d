// `npm start`: parse the environment, refuse an unsafe one (exit 2), build Seen, listen, and say loudly when /api/messages is anonymous.
import { databaseTarget, loadConfig, processEnv, startupRefusal } from './config';
import { describeDatabase } from '../adapters/open-database';
import { createLogger } from './logger';
import { composeSeen } from './compose';

/** Starts Seen and stops it cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(processEnv());
  // Why exit 2 before anything opens: off loopback, an anonymous /api/messages or pages without sign-in would serve anyone.
  const refusal = startupRefusal(config);
  if (refusal) {
    process.stderr.write(`seen: refusing to start: ${refusal}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.SEEN_LOG_LEVEL);
  const seen = await composeSeen(config, logger);
  await seen.warmUp();
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
