// The floor for the load benchmark: an echo bot on Seen's own stack (botbuilder, Direct Line over the same database, express
// app with the same guards and rate limits, same config) minus dialogs, conversation state and case records. Run it as a process like Seen.
import type { Server } from 'node:http';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { OptimisticConversationState } from '../bot/optimistic-state';
import { SqlStorage } from '../adapters/sql/bot-storage';
import type { Db } from '../adapters/sql/database';
import { SeenCloudAdapter } from '../adapters/teams/cloud-adapter';
import { databaseTarget, loadConfig, processEnv, type Config } from '../bot/config';
import { createLogger } from '../bot/logger';
import { createApp } from '../bot/http';
import { createDirectLine } from '../adapters/directline';
import { openDatabase } from '../adapters/open-database';

/** The floor's only wording: it is a benchmark fixture, never shown to a practitioner. */
export const FLOOR_GREETING = 'echo floor ready';
/** What the floor answers to a message. */
export const floorEcho = (text: string): string => `echo: ${text}`;

/** Greets new members and echoes each message once: the least a bot on this SDK can do per turn. */
export class EchoFloorBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (ctx, next) => {
      for (const m of ctx.activity.membersAdded ?? []) if (m.id !== ctx.activity.recipient.id) await ctx.sendActivity(FLOOR_GREETING);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await ctx.sendActivity(floorEcho(ctx.activity.text ?? ''));
      await next();
    });
  }
}

/**
 * The least a dialog bot on this SDK does per turn, and so the bound for any Seen built on it: the echo floor plus
 * conversation state read and saved (with its eTag, in the turn's transaction, as Seen saves it) and one waterfall with
 * a text prompt, still one reply a turn. No case records, users, audit, cards or analysis: what it costs above the floor, Seen cannot avoid.
 */
export class DialogFloorBot extends ActivityHandler {
  private readonly state: OptimisticConversationState;
  private readonly dialogs: DialogSet;

  constructor(db: Db, now: () => Date) {
    super();
    this.state = new OptimisticConversationState(new SqlStorage(db, now));
    this.dialogs = new DialogSet(this.state.createProperty<DialogState>('dialogState'))
      .add(new TextPrompt('text'))
      // One reply a turn, as the echo floor: the prompt that asks for the next answer carries the echo of the last one.
      .add(new WaterfallDialog('echo', [
        async (step) => step.prompt('text', { prompt: (step.options as { echo?: string } | undefined)?.echo ?? FLOOR_PROMPT }),
        async (step) => step.replaceDialog('echo', { echo: floorEcho(String(step.result)) }),
      ]));
    this.onMembersAdded(async (ctx, next) => {
      for (const m of ctx.activity.membersAdded ?? []) if (m.id !== ctx.activity.recipient.id) await ctx.sendActivity(FLOOR_GREETING);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      const dc = await this.dialogs.createContext(ctx);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('echo');
      await next();
    });
  }

  override async run(ctx: TurnContext): Promise<void> {
    await super.run(ctx);
    await this.state.saveChanges(ctx, false);
  }
}

/** The dialog floor's prompt (a benchmark fixture, like the greeting). */
export const FLOOR_PROMPT = 'echo floor: say something';

/** Which floor runs: the bare echo bot, or the echo bot with a dialog and saved state (the SDK's bound for Seen). */
export type FloorKind = 'echo' | 'dialog';

/** A running floor server. */
export interface EchoFloor { url: string; close(): Promise<void> }

/** Builds and starts the floor with the same composition as Seen's: Db, Direct Line, CloudAdapter, createApp, stream. */
export async function startEchoFloor(config: Config, kind: FloorKind = 'echo'): Promise<EchoFloor> {
  const logger = createLogger(config.SEEN_LOG_LEVEL);
  const db = await openDatabase(databaseTarget(config));
  const bot = kind === 'dialog' ? new DialogFloorBot(db, () => new Date()) : new EchoFloorBot();
  const logic = (ctx: TurnContext) => bot.run(ctx);
  const directLine = await createDirectLine({ db, logic, logger, secret: config.SEEN_DIRECTLINE_SECRET });
  // Seen's CloudAdapter is the SDK's with its turn entry point public (createApp calls it).
  const cloudAdapter = new SeenCloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  // Same guards as Seen: rate limits keyed by the verified token user, limits from the same settings.
  const tokenUser = async (token: string): Promise<string | undefined> => {
    try { return (await directLine.tokens.verifySignature(token)).user; } catch { return undefined; } // an invalid token is keyed by address, as in Seen
  };
  const rateLimits = { messagesPerMinute: config.SEEN_RATE_MESSAGES_PER_MINUTE, requestsPerMinute: config.SEEN_RATE_REQUESTS_PER_MINUTE };
  const app = createApp({ directLine, cloudAdapter, logic, logger, listUsers: async () => [], directLineSecret: config.SEEN_DIRECTLINE_SECRET, rateLimits, tokenUser });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const stream = directLine.attachStream(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://${config.HOST}:${port}`,
    close: async () => {
      stream.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await directLine.close();
      await db.close();
    },
  };
}

// Run as a process (`node --require tsx/cjs bench/echo-floor.ts [dialog]`), configured like Seen (PORT, HOST, SEEN_DB).
if (require.main === module) {
  startEchoFloor(loadConfig(processEnv()), process.argv[2] === 'dialog' ? 'dialog' : 'echo')
    .then((floor) => {
      const stop = () => void floor.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      process.stderr.write(`echo floor: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
