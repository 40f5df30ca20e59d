// The composition root: builds every piece of Seen from a Config and wires them explicitly.
import type { Server } from 'node:http';
import type { Storage } from 'botbuilder';
import { SeenCloudAdapter } from '../adapters/teams/cloud-adapter';
import { OptimisticConversationState } from './optimistic-state';
import { StrictBotFrameworkAuthentication } from '../adapters/teams/auth';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { databaseTarget, demoConfigured, type Config } from './config';
import { createApp } from './http';
import { coverageRouter } from './coverage-routes';
import { teamsSsoIdentity, teamsSsoVerifier, teamsTabRouter } from './teams-tab-routes';
import { SqlCoverage } from '../adapters/sql/coverage';
import { SeenBot } from './seen-bot';
import { turnErrorHandler } from './turn-error';
import { SizeBudget } from './size-budget';
import type { Db } from '../adapters/sql/database';
import { openDatabase } from '../adapters/open-database';
import { SqlCaseRecords } from '../adapters/sql/case-records';
import { SqlStorage } from '../adapters/sql/bot-storage';
import { SqlAuditLog } from '../adapters/sql/audit-log';
import { AuditedCoverage } from '../adapters/sql/audited-coverage';
import { AuditedCaseRecords, AuditScope, SYSTEM_CONTEXT } from '../adapters/sql/audited-case-records';
import { applyRetention } from '../adapters/sql/retention';
import { loadOrCreateSecret, type TokenService } from '../adapters/directline/tokens';
import { SqlSessionStore } from '../adapters/sql/session-store';
import { OidcSignIn } from '../adapters/identity/oidc';
import { createSignIn, type SignIn } from './signin-routes';
import type { AccessOptions } from './web-access';
import express from 'express';
import type { AuditLog } from '../records/audit';
import { auditedLogic } from './audit-turn';
import { createDirectLine, type DirectLine } from '../adapters/directline';
import { seedDemo } from '../records/demo-seed';
import type { CaseRecords } from '../records/repository';
import type { AuditContext } from '../records/audit';
import { exportCase, type ExportCase } from '../records/case-export';
import { AnalysisPool } from '../adapters/analysis-worker';
import { DownloadLinks } from '../adapters/export/download-links';
import { exportRouter } from './export-routes';

/** Everything a running Seen is made of, so tests can reach in and `close()` tidies up. */
export interface Seen {
  config: Config;
  db: Db;
  records: CaseRecords;
  /** The append-only audit trail every records call writes to. */
  audit: AuditLog;
  /** Attributes records calls to an actor and path (set per turn by the bot's logic). */
  auditScope: AuditScope;
  bot: SeenBot;
  directLine: DirectLine;
  cloudAdapter: SeenCloudAdapter;
  app: Express;
  logger: Logger;
  /** Starts listening on config.HOST:config.PORT (0 = a random port) and attaches the Direct Line stream. */
  listen(): Promise<{ server: Server; url: string }>;
  /** Loads the note-reading workers now and waits for them, so the first practitioner to paste notes does not wait (npm start does this). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** Test seams: a fixed clock, or a storage fake. Production passes nothing. */
export interface ComposeOverrides { now?: () => Date; storage?: Storage }

/** Builds Seen: database, records, state, bot, both channels' adapters and the HTTP app. */
export async function composeSeen(config: Config, logger: Logger, overrides: ComposeOverrides = {}): Promise<Seen> {
  const now = overrides.now ?? (() => new Date());
  // Why log and carry on: a dropped idle PostgreSQL connection is replaced by the pool; statements report their own failures.
  const db = await openDatabase({ ...databaseTarget(config), onError: (err) => logger.warn({ err: { message: err.message } }, 'database connection dropped') });
  const audit = new SqlAuditLog(db);
  const auditScope = new AuditScope();
  // Why: every read and write of a case record, on every path, lands in the audit trail.
  const records: CaseRecords = new AuditedCaseRecords(new SqlCaseRecords(db, now), audit, now, () => auditScope.current());
  // Why one instance at a time: several starting together on an empty database would each seed or remove the same cases.
  await db.whileLocked('startup', async () => {
    if (config.SEEN_RETENTION_DAYS !== undefined) {
      const removed = await applyRetention(db, { now, days: config.SEEN_RETENTION_DAYS, context: SYSTEM_CONTEXT });
      if (removed.cases.length) logger.info({ event: 'retention', cases: removed.cases.length, summaries: removed.summaries }, 'removed stale fictional cases');
    }
    if (config.SEEN_DEMO && (await seedDemo(records))) logger.info({ event: 'demo_seeded' }, 'loaded fictional demo data');
  });
  // Why not ConversationState: it saves with eTag "*", so two instances' turns could write over each other.
  const conversationState = new OptimisticConversationState(overrides.storage ?? new SqlStorage(db, now));
  // Why audited: every read of a team's figures (page, CSV, chat) lands in the audit trail with the team (issue 17.4).
  const coverage = new AuditedCoverage(new SqlCoverage(db), audit, now, () => auditScope.current());
  // Why one export function: chat, the download link and `seen export` check access and audit through records/case-export.ts alike.
  const exports = (context: () => AuditContext): ExportCase => (who, ref, format) => exportCase({ records, audit, now, context }, who, ref, format);
  const downloadLinks = new DownloadLinks(await loadOrCreateSecret(db, 'export.download_secret'), now, config.SEEN_PUBLIC_URL);
  // Why workers: a 20,000-character note takes tens of milliseconds to read, which every other turn would wait behind.
  const analysisPool = config.SEEN_ANALYSIS_WORKERS > 0 ? new AnalysisPool({ workers: config.SEEN_ANALYSIS_WORKERS }) : undefined;
  const bot = new SeenBot({
    conversationState, records, logger, today: now, coverage, exportCase: exports(() => auditScope.current()), analyser: analysisPool,
    // Why sign-in too: opening a link needs the person signed in as themselves; without it a link could only be refused.
    downloadLinks: downloadLinks.canLink && config.SEEN_OIDC_ISSUER ? downloadLinks : undefined,
  });
  const logic = auditedLogic(auditScope, records, (ctx: Parameters<SeenBot['run']>[0]) => bot.run(ctx));
  const onTurnError = turnErrorHandler(logger);

  const directLine = await createDirectLine({ db, logic, logger, now, secret: config.SEEN_DIRECTLINE_SECRET, sessionIdleSeconds: config.SEEN_SESSION_IDLE_MINUTES * 60 });
  directLine.adapter.onTurnError = onTurnError;
  // Why on the Bot Framework adapter (Teams, the Playground, Bot Framework channels): every message it sends, in a turn or
  // as a follow-up, passes this one size check. Seen's own Direct Line stores messages and never answers 413; its views
  // fit the 100 KB budget. (Any middleware on the Direct Line adapter, even a no-op, made markup.slow.test.ts's browser
  // miss "Saved as version 1" within 20 s; the cause is not yet found.)
  const sizeBudget = new SizeBudget(logger);
  // Why: a token that cannot be verified (forged, or Microsoft's keys unreachable) is a 401, never a 500.
  const auth = new StrictBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const cloudAdapter = new SeenCloudAdapter(auth);
  cloudAdapter.onTurnError = onTurnError;
  cloudAdapter.use(sizeBudget);
  // Why: rate limits are per verified token user, so one flooding user never slows another down (signature only: no database read).
  const tokenUser = async (token: string): Promise<string | undefined> => {
    try { return (await directLine.tokens.verifySignature(token)).user; } catch { return undefined; } // an invalid token is keyed by address instead
  };
  const rateLimits = { messagesPerMinute: config.SEEN_RATE_MESSAGES_PER_MINUTE, requestsPerMinute: config.SEEN_RATE_REQUESTS_PER_MINUTE };
  const botLimits = { perConversation: config.SEEN_RATE_BOT_CONVERSATION_PER_MINUTE, perAddress: config.SEEN_RATE_BOT_ADDRESS_PER_MINUTE };
  const tab = { records, logger, verifier: teamsSsoVerifier(config, logger, now) };
  const app = createApp({ directLine, cloudAdapter, logic, logger, listUsers: () => records.listUsers(), directLineSecret: config.SEEN_DIRECTLINE_SECRET, rateLimits, tokenUser, botLimits,
    access: await accessOptions(config), signIn: await signInFor(config, { db, records, audit, tokens: directLine.tokens, now, logger }),
    // Why before the session: a verified Teams SSO token names the tab's user on the coverage API.
    identify: [teamsSsoIdentity(tab)],
    checkDatabase: async () => void (await db.get('SELECT 1 AS ok')),
    routers: [
      (webDir) => teamsTabRouter({ ...tab, webDir }),
      (webDir) => coverageRouter({ records, coverage, now, logger, webDir, auditScope }),
      () => exportRouter({ records, links: downloadLinks, exportCase: exports(() => auditScope.current()), auditScope, audit, now, logger }),
    ] });

  let server: Server | undefined;
  let stream: { close(): void } | undefined;
  return {
    config, db, records, audit, auditScope, bot, directLine, cloudAdapter, app, logger,
    warmUp: async () => analysisPool?.warm().ready(),
    listen: () =>
      new Promise((resolve, reject) => {
        const s = app.listen(config.PORT, config.HOST, (err?: Error) => {
          if (err) return reject(err);
          server = s;
          // Why the app as gate: a stream upgrade passes the same guards as any HTTP request.
          stream = directLine.attachStream(s, { gate: app, idleMs: config.SEEN_STREAM_IDLE_SECONDS * 1000 });
          const address = s.address();
          const port = typeof address === 'object' && address ? address.port : config.PORT;
          resolve({ server: s, url: `http://${config.HOST}:${port}` });
        });
      }),
    close: async () => {
      stream?.close();
      if (server) await new Promise<void>((resolve) => { server!.closeAllConnections(); server!.close(() => resolve()); });
      await directLine.close();
      await analysisPool?.close();
      await db.close();
    },
  };
}

/** The fail-closed access rules for this configuration (demo mode only when configured and on loopback). */
async function accessOptions(config: Config): Promise<AccessOptions> {
  // Why express's own compiler: SEEN_TRUST_PROXY takes exactly what express's `trust proxy` takes.
  const probe = express();
  if (config.SEEN_TRUST_PROXY) probe.set('trust proxy', config.SEEN_TRUST_PROXY);
  return {
    demo: demoConfigured(config),
    directLineSecret: config.SEEN_DIRECTLINE_SECRET,
    anonymousMessages: !config.MicrosoftAppId,
    fromProxy: config.SEEN_TRUST_PROXY ? (probe.get('trust proxy fn') as (address: string, hop: number) => boolean) : undefined,
    publicOrigin: config.SEEN_PUBLIC_URL ? new URL(config.SEEN_PUBLIC_URL).origin : undefined,
  };
}

/** Web sign-in: sessions in Seen's database, and OpenID Connect when SEEN_OIDC_ISSUER is set. */
async function signInFor(config: Config, deps: { db: Db; records: CaseRecords; audit: AuditLog; tokens: TokenService; now: () => Date; logger: Logger }): Promise<SignIn> {
  const oidc = config.SEEN_OIDC_ISSUER && config.SEEN_OIDC_CLIENT_ID && config.SEEN_OIDC_CLIENT_SECRET && config.SEEN_PUBLIC_URL
    ? new OidcSignIn({ issuer: config.SEEN_OIDC_ISSUER, clientId: config.SEEN_OIDC_CLIENT_ID, clientSecret: config.SEEN_OIDC_CLIENT_SECRET, redirectUri: `${config.SEEN_PUBLIC_URL}/signin/callback` })
    : undefined;
  return createSignIn({
    store: new SqlSessionStore(deps.db, deps.now, config.SEEN_SESSION_IDLE_MINUTES * 60_000),
    cookieSecret: await loadOrCreateSecret(deps.db, 'web.session_secret'),
    idleMinutes: config.SEEN_SESSION_IDLE_MINUTES,
    publicUrl: config.SEEN_PUBLIC_URL,
    behindProxy: Boolean(config.SEEN_TRUST_PROXY),
    oidc, records: deps.records, audit: deps.audit, tokens: deps.tokens, now: deps.now, logger: deps.logger,
  });
}
