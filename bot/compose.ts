// The composition root: builds every piece of Seen from a Config and wires them explicitly.
import type { Server } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, type Storage } from 'botbuilder';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createApp } from './http';
import { SeenBot } from './seen-bot';
import { turnErrorHandler } from './turn-error';
import { Db } from '../adapters/sqlite/db';
import { SqliteCaseRecords } from '../adapters/sqlite/case-records';
import { SqliteStorage } from '../adapters/sqlite/bot-storage';
import { createDirectLine, type DirectLine } from '../adapters/directline';
import { seedDemo } from '../records/demo-seed';
import type { CaseRecords } from '../records/repository';

/** Everything a running Seen is made of, so tests can reach in and `close()` tidies up. */
export interface Seen {
  config: Config;
  db: Db;
  records: CaseRecords;
  bot: SeenBot;
  directLine: DirectLine;
  cloudAdapter: CloudAdapter;
  app: Express;
  logger: Logger;
  /** Starts listening on config.HOST:config.PORT (0 = a random port) and attaches the Direct Line stream. */
  listen(): Promise<{ server: Server; url: string }>;
  close(): Promise<void>;
}

/** Test seams: a fixed clock, or a storage fake. Production passes nothing. */
export interface ComposeOverrides { now?: () => Date; storage?: Storage }

/** Builds Seen: database, records, state, bot, both channels' adapters and the HTTP app. */
export async function composeSeen(config: Config, logger: Logger, overrides: ComposeOverrides = {}): Promise<Seen> {
  const now = overrides.now ?? (() => new Date());
  const db = await Db.open(config.SEEN_DB);
  const records = new SqliteCaseRecords(db, now);
  if (config.SEEN_DEMO && (await seedDemo(records))) logger.info({ event: 'demo_seeded' }, 'loaded fictional demo data');
  const conversationState = new ConversationState(overrides.storage ?? new SqliteStorage(db, now));
  const bot = new SeenBot({ conversationState, records, logger, today: now });
  const logic = (ctx: Parameters<SeenBot['run']>[0]) => bot.run(ctx);
  const onTurnError = turnErrorHandler(logger);

  const directLine = await createDirectLine({ db, logic, logger, now, secret: config.SEEN_DIRECTLINE_SECRET });
  directLine.adapter.onTurnError = onTurnError;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const cloudAdapter = new CloudAdapter(auth);
  cloudAdapter.onTurnError = onTurnError;
  const app = createApp({ directLine, cloudAdapter, logic, logger, listUsers: () => records.listUsers() });

  let server: Server | undefined;
  let stream: { close(): void } | undefined;
  return {
    config, db, records, bot, directLine, cloudAdapter, app, logger,
    listen: () =>
      new Promise((resolve, reject) => {
        const s = app.listen(config.PORT, config.HOST, (err?: Error) => {
          if (err) return reject(err);
          server = s;
          stream = directLine.attachStream(s);
          const address = s.address();
          const port = typeof address === 'object' && address ? address.port : config.PORT;
          resolve({ server: s, url: `http://${config.HOST}:${port}` });
        });
      }),
    close: async () => {
      stream?.close();
      if (server) await new Promise<void>((resolve) => { server!.closeAllConnections(); server!.close(() => resolve()); });
      await db.close();
    },
  };
}
