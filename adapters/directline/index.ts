// The factory the composition root calls: store, tokens, adapter, router and the optional stream, wired once.
import type { Server } from 'node:http';
import type { ChannelAccount } from 'botbuilder';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../sql/database';
import { DirectLineAdapter } from './adapter';
import type { BotLogic } from './adapter';
import { createDirectLineRouter } from './router';
import { DirectLineStore } from '../sql/directline-store';
import { attachStream } from './stream';
import type { StreamHandle, StreamOptions } from './stream';
import { TokenService, loadOrCreateSecret } from './tokens';
import { inTurnUnit } from '../sql/turn-unit';

export { DirectLineAdapter } from './adapter';
export type { BotLogic } from './adapter';
export { DirectLineError, DirectLineUnsupportedError } from './errors';
export { DirectLineStore, activityId } from '../sql/directline-store';
export { TokenService } from './tokens';
export type { IssuedToken, TokenSession } from './tokens';
export type { StreamHandle, StreamOptions } from './stream';
export { streamHandoff } from './stream';

/** What `createDirectLine` needs; `secret`, `tokenTtlSeconds`, `now`, `bot`, `serviceUrl` have defaults. */
export interface DirectLineOptions {
  db: Db;
  logic: BotLogic;
  logger: Logger;
  /** Signing secret; when absent one is generated once and kept in the `settings` table. */
  secret?: string;
  /** Token lifetime; default one hour (DirectLineJS refreshes every 15 minutes). */
  tokenTtlSeconds?: number;
  /** The longest a chain of refreshes may last; default 12 hours. */
  tokenMaxLifetimeSeconds?: number;
  /** The web session idle time (SEEN_SESSION_IDLE_MINUTES); a posted message keeps a signed-in session alive that long. */
  sessionIdleSeconds?: number;
  /** Clock; tests pass a fixed one. */
  now?: () => Date;
  /** The bot's account in conversations; default `{ id: 'seen', name: 'Seen', role: 'bot' }`. */
  bot?: ChannelAccount;
  /** The serviceUrl activities carry; default `http://127.0.0.1/v3/directline`. */
  serviceUrl?: string;
}

/** The wired endpoint: mount `router` at `/v3/directline`, set `adapter.onTurnError`, call `attachStream` after listen. */
export interface DirectLine {
  router: Router;
  /** Issues, verifies, refreshes and retires this endpoint's tokens (the signed-in page's token endpoint uses it too). */
  tokens: TokenService;
  adapter: DirectLineAdapter;
  store: DirectLineStore;
  /** Serves the WebSocket stream on this server; until called, streamUrl is not offered and clients poll. */
  attachStream(server: Server, options?: StreamOptions): StreamHandle;
  /** Stops hearing other instances' appends (before the database closes). */
  close(): Promise<void>;
}

/** Builds Seen's Direct Line 3.0 endpoint over the database, listening for other instances' appends. */
export async function createDirectLine(options: DirectLineOptions): Promise<DirectLine> {
  for (const key of ['db', 'logic', 'logger'] as const) {
    if (!options?.[key]) throw new Error(`createDirectLine needs ${key}`);
  }
  const now = options.now ?? (() => new Date());
  const secret = options.secret ?? (await loadOrCreateSecret(options.db));
  const tokens = new TokenService(secret, options.tokenTtlSeconds ?? 3600, now, options.db, options.tokenMaxLifetimeSeconds, options.sessionIdleSeconds);
  const store = new DirectLineStore(options.db, now);
  const unlisten = await store.listenToOtherInstances();
  const adapter = new DirectLineAdapter({
    store,
    logger: options.logger,
    now,
    bot: options.bot ?? { id: 'seen', name: 'Seen', role: 'bot' },
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1/v3/directline',
    turnUnit: (turn) => inTurnUnit(options.db, turn),
  });
  let streams = 0;
  const router = createDirectLineRouter({ store, tokens, adapter, logic: options.logic, logger: options.logger, now, streamEnabled: () => streams > 0 });
  return {
    router,
    tokens,
    adapter,
    store,
    close: unlisten,
    attachStream(server, streamOptions) {
      const handle = attachStream(server, { store, tokens, logger: options.logger }, streamOptions);
      streams += 1;
      return {
        close: () => {
          streams -= 1;
          handle.close();
        },
      };
    },
  };
}
