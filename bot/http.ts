// Builds Seen's express app: security headers, Direct Line, the Bot Framework endpoint, web chat page and bundle.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import express from 'express';
import type { Express, NextFunction, Request, RequestHandler, Response, Router } from 'express';
import helmet from 'helmet';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import { toHttpError } from '../adapters/directline/errors';
import { streamHandoff } from '../adapters/directline/stream';
import { jsonDepthGuard, rateLimiters, type RateLimits } from './http-guards';
import { botEndpoint, type BotEndpointLimits } from './bot-endpoint';
import type { BotFrameworkTurns } from '../adapters/teams/cloud-adapter';
import { accessGuard, demoIdentity, signInGate, type AccessOptions } from './web-access';
import type { SignIn } from './signin-routes';
import { UserRole } from '../records/model';
import { t } from '../prompts';
import { USER_ROLE_LABEL } from '../prompts/labels';

/** A user the web page offers in its "who are you" picker (fictional demo users). */
const demoUserSchema = z.object({ id: z.string().min(1), name: z.string().min(1), role: z.string(), team: z.string() });
export type DemoUser = z.infer<typeof demoUserSchema>;

/** A stored role in words (prompts/labels.ts); a role Seen does not know is shown as stored. */
function roleLabel(role: string): string {
  const known = UserRole.safeParse(role);
  return known.success ? t(USER_ROLE_LABEL[known.data]) : role;
}

/** Everything the app needs; all required except `webDir` and `webchatBundle`. */
export interface AppDeps {
  /** Seen's own Direct Line endpoint (from `createDirectLine`), mounted at `/v3/directline`. */
  directLine: { router: Router };
  /** The Bot Framework adapter for `POST /api/messages` (Teams, Azure Bot Service). */
  cloudAdapter: BotFrameworkTurns;
  /** Per-minute limits on /api/messages, per conversation and per address; default 60 and 1200. */
  botLimits?: BotEndpointLimits;
  /** The bot's turn logic, shared by both channels. */
  logic: (context: TurnContext) => Promise<void>;
  /** Demo users for the web chat picker. */
  listUsers: () => Promise<DemoUser[]>;
  logger: Logger;
  /** Folder of static pages; default `<repo>/web`. */
  webDir?: string;
  /** Path of Web Chat's UMD bundle; default resolved from the installed `botframework-webchat`. */
  webchatBundle?: string;
  /** Routers for further pages and APIs (e.g. /coverage), mounted before the static files; each builds its own from deps. */
  routers?: ReadonlyArray<(webDir: string) => Router>;
  /** SEEN_DIRECTLINE_SECRET when configured: without it, Direct Line and the pages answer only on loopback. */
  directLineSecret?: string;
  /** Per-minute limits on Direct Line and the pages; default 60 messages and 1200 requests. */
  rateLimits?: RateLimits;
  /** The verified user of a Direct Line token (undefined when invalid), to key rate limits per user. */
  tokenUser?: (token: string) => Promise<string | undefined>;
  /** Who may reach what; default: demo mode for local requests only, tokens/generate elsewhere only with directLineSecret. */
  access?: AccessOptions;
  /** Web sign-in (session cookie, identity, /signin routes); without it only local demo requests reach the pages. */
  signIn?: SignIn;
  /** Identity middleware that runs before the session's (e.g. a Teams SSO bearer on /api/coverage); each may set res.locals.seenUserId. */
  identify?: readonly RequestHandler[];
  /** Resolves when the database answers; /healthz reports 503 when it does not (a load balancer then routes elsewhere). */
  checkDatabase?: () => Promise<void>;
}

/** Web Chat's package exports no `dist/` subpath, so find the bundle beside its resolved entry point. */
function defaultWebchatBundle(): string {
  return resolve(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** The CSP: scripts only from Seen; Web Chat needs inline styles, data:/blob: images and media. */
const cspDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Creates the express app (no listen); throws when a dependency is missing. */
export function createApp(deps: AppDeps): Express {
  for (const key of ['directLine', 'cloudAdapter', 'logic', 'listUsers', 'logger'] as const) {
    if (!deps?.[key]) throw new Error(`createApp needs ${key}`);
  }
  if (!deps.directLine.router) throw new Error('createApp needs directLine.router');
  const webDir = deps.webDir ?? join(__dirname, '..', 'web');
  const bundle = deps.webchatBundle ?? defaultWebchatBundle();
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`createApp: no index.html in ${webDir}`);
  if (!existsSync(bundle)) throw new Error(`createApp: Web Chat bundle not found at ${bundle}`);
  const { logger } = deps;

  const app = express();
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: { useDefaults: true, directives: cspDirectives } }));
  // Why: who may reach what, and rate limits, come before any body is read, so refusals are cheap.
  const access = deps.access ?? { demo: true, anonymousMessages: true, directLineSecret: deps.directLineSecret };
  app.use(accessGuard(access));
  const limiters = rateLimiters(deps.rateLimits ?? { messagesPerMinute: 60, requestsPerMinute: 1200 }, deps.tokenUser ?? (async () => undefined), logger);
  app.use(limiters.requests, limiters.messages);
  app.use(express.json({ limit: '1mb' }), jsonDepthGuard());
  // Why this order: another sign-in (Teams SSO) first, then the session, then (demo mode only) the page's ?user=; then the gate.
  if (deps.signIn) app.use(deps.signIn.session);
  for (const identify of deps.identify ?? []) app.use(identify);
  if (deps.signIn) app.use(deps.signIn.identity, deps.signIn.routes);
  app.use(demoIdentity(), signInGate(access));
  // Without sign-in the pages still ask who they are: demo mode (the gate has already refused everyone else).
  if (!deps.signIn) app.get('/api/session', (_req, res) => void res.set('Cache-Control', 'no-store').json({ mode: 'demo' }));

  // Why here, after every guard: a WebSocket upgrade to the stream is run through the app as this GET (see stream.ts).
  app.get('/v3/directline/conversations/:id/stream', (req, _res, next) => (streamHandoff(req) ? undefined : next()));
  // Why: the web page and any Direct Line client talk to Seen itself, never to Azure.
  app.use('/v3/directline', deps.directLine.router);

  // Why: Teams and Azure Bot Service deliver activities here; CloudAdapter authenticates and answers (bot-endpoint.ts).
  app.use(botEndpoint({ cloudAdapter: deps.cloudAdapter, logic: deps.logic, logger, ...(deps.botLimits ? { limits: deps.botLimits } : {}) }));

  // Why: the page loads Microsoft's unmodified UMD bundle from Seen, not a CDN.
  app.get('/webchat.js', (_req, res, next) => {
    res.type('application/javascript').sendFile(bundle, { maxAge: '1h' }, (err) => (err ? next(err) : undefined));
  });

  // Why: the picker shows who the person can be; only the fields the page needs leave the server.
  app.get('/api/demo-users', async (_req, res) => {
    // zod's object parse drops every other field (e.g. Entra object ids).
    const users = z.array(demoUserSchema).parse(await deps.listUsers());
    // Why a label: the picker shows "Partnership lead", never the stored id `partnership_lead`.
    res.json({ fictional: true, users: users.map((u) => ({ ...u, roleLabel: roleLabel(u.role) })) });
  });

  // Why the database too: behind a load balancer, an instance that cannot reach the shared database must not take turns.
  app.get('/healthz', async (_req, res) => {
    try {
      await deps.checkDatabase?.();
      res.json({ status: 'ok' });
    } catch (err) {
      deps.logger.warn({ event: 'health_database_unreachable', error: (err as Error).name }, 'health check: database unreachable');
      res.status(503).json({ status: 'unavailable' });
    }
  });

  for (const build of deps.routers ?? []) app.use(build(webDir));

  app.use(express.static(webDir, { index: 'index.html', fallthrough: true }));

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: 'not found' } });
  });

  // Why: clients get a status and a code, never a stack; the log keeps the detail.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const httpError = toHttpError(err);
    if (httpError.status >= 500) logger.error({ err }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(httpError.status).json(httpError.toBody());
  });
  return app;
}
