// A tiny echo bot for the Direct Line and browser tests: greets on membersAdded, echoes messages.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { SeenCloudAdapter } from '../../adapters/teams/cloud-adapter';
import type { TurnContext } from 'botbuilder';
import pino from 'pino';
import { createDirectLine } from '../../adapters/directline';
import type { DirectLine } from '../../adapters/directline';
import type { Db } from '../../adapters/sql/database';
import { createApp } from '../../bot/http';

/** The greeting and echo wording the tests expect. */
export const GREETING = 'Hello from the echo bot.';
export const echoOf = (text: string): string => `Echo: ${text}`;

/** Greets each new member other than itself; echoes message text; `boom` makes the turn fail. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(GREETING);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text === 'boom') throw new Error('echo bot asked to fail');
      await context.sendActivity(echoOf(text));
      await next();
    });
  }

  /** The logic function createDirectLine and createApp take. */
  readonly logic = (context: TurnContext): Promise<void> => this.run(context);
}

/** Fictional demo users the test app offers in its picker. */
export const TEST_USERS = [
  { id: 'demo-hv-1', name: 'Alex Morgan', role: 'health visitor', team: 'North locality' },
  { id: 'demo-sw-2', name: 'Sam Okafor', role: 'social worker', team: 'Children in need' },
] as const;

/** A running test app: the echo bot behind Seen's Direct Line and HTTP app on a random 127.0.0.1 port. */
export interface EchoServer {
  port: number;
  base: string;
  directLine: DirectLine;
  close(): Promise<void>;
}

/** Starts createApp + createDirectLine with the echo bot; `stream` attaches the WebSocket stream. */
export async function startEchoServer(options: { db: Db; now?: () => Date; stream?: boolean; secret?: string; withTurnErrorHandler?: boolean }): Promise<EchoServer> {
  const bot = new EchoBot();
  const logger = pino({ level: 'silent' });
  const directLine = await createDirectLine({ db: options.db, logic: bot.logic, logger, now: options.now, secret: options.secret, tokenTtlSeconds: 3600 });
  if (options.withTurnErrorHandler) {
    directLine.adapter.onTurnError = async (context) => {
      await context.sendActivity('Sorry, something went wrong.');
    };
  }
  const cloudAdapter = new SeenCloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const app = createApp({ directLine, cloudAdapter, logic: bot.logic, logger, listUsers: async () => TEST_USERS.map((u) => ({ ...u })) });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stream = options.stream ? directLine.attachStream(server) : undefined;
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    directLine,
    close: async () => {
      stream?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
