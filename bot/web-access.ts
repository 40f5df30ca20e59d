// Who may reach what, before any route runs: demo mode only for a genuinely local request, the Direct Line secret for
// tokens/generate outside it, no anonymous /api/messages outside it, and sign-in for every page and page API.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { isLoopback } from './http-guards';
import { t } from '../prompts';
import { TEAMS_TAB_PATH } from '../adapters/teams/manifest';

/** The tab's page and what it loads before it has a token. */
const TEAMS_TAB_OPEN_PATHS: readonly string[] = [TEAMS_TAB_PATH, '/teams-coverage.js', '/coverage.css', '/vendor/teams-js.js', '/vendor/chart.js', '/api/teams-tab/labels'];

/** How the guard decides; built once from the configuration. */
export interface AccessOptions {
  /** SEEN_DEMO=1 and HOST on loopback (config.demoConfigured): demo mode is possible for local requests. */
  demo: boolean;
  /** SEEN_DIRECTLINE_SECRET: outside demo mode, the only key to tokens/generate. */
  directLineSecret?: string | undefined;
  /** No MicrosoftAppId: /api/messages cannot authenticate, so it is served only to local demo requests. */
  anonymousMessages: boolean;
  /** express's compiled `trust proxy` function when SEEN_TRUST_PROXY is set: a request from the proxy is never local. */
  fromProxy?: ((address: string, hop: number) => boolean) | undefined;
  /** SEEN_PUBLIC_URL's origin, which a state-changing page request's Origin must match (else the request's own host). */
  publicOrigin?: string | undefined;
}

/** The Host names a demo-mode request may carry (any port). */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;
/** Headers a proxy or tunnel adds; a request carrying any of them did not come straight from this machine's user. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'x-original-host', 'via'];

/** True when a Host header names this machine only (so DNS rebinding cannot reach a demo-mode Seen). */
export function isLocalHostHeader(host: string | undefined): boolean {
  return typeof host === 'string' && LOCAL_HOST.test(host);
}

/** A local request: from a loopback socket, to a local Host, not through the named proxy, with no forwarding headers. */
export function isLocalRequest(req: Request, options: Pick<AccessOptions, 'fromProxy'>): boolean {
  const address = req.socket.remoteAddress;
  if (!isLoopback(address)) return false;
  if (options.fromProxy && address && options.fromProxy(address, 0)) return false;
  if (!isLocalHostHeader(req.headers.host)) return false;
  return !FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
}

/** Paths served without a page sign-in: each authenticates its own way (Bot Framework, Direct Line tokens) or is the sign-in itself. */
export function isOpenPath(path: string): boolean {
  return path === '/healthz' || path === '/api/messages' || path.startsWith('/v3/directline/') || path === '/v3/directline'
    || path === '/signin' || path === '/signin/callback' || path === '/signout' || path === '/signed-out'
    // The Teams tab's page and scripts hold no user data; its API calls carry a Teams SSO token (bot/teams-tab-routes.ts).
    || TEAMS_TAB_OPEN_PATHS.includes(path);
}

/** A refusal in Seen's `{ error: { code, message } }` shape. */
function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Equal-time comparison, so the secret cannot be guessed byte by byte. */
function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Runs first: sets `res.locals.demo`, refuses other Hosts in demo mode, and guards tokens/generate, /api/messages and the picker. */
export function accessGuard(options: AccessOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // Why every path: a demo-mode Seen reached under another name is DNS rebinding or a tunnel; neither may use it.
    // (A request through the named proxy or tunnel carries the public name; it is simply never local, below.)
    const viaProxy = Boolean(options.fromProxy && req.socket.remoteAddress && options.fromProxy(req.socket.remoteAddress, 0));
    if (options.demo && !viaProxy && !isLocalHostHeader(req.headers.host)) return refuse(res, 421, 'MisdirectedRequest', t('signin.hostRefused'));
    const demo = options.demo && isLocalRequest(req, options);
    res.locals['demo'] = demo;
    if (demo) return next();
    if (req.path === '/api/messages' && options.anonymousMessages) return refuse(res, 401, 'Unauthorized', 'the request is not authenticated for this bot');
    if (req.path === '/api/demo-users') return refuse(res, 403, 'Forbidden', 'the demo user list is only offered in demo mode on this machine');
    if (req.path === '/v3/directline/tokens/generate') {
      // Microsoft's token-server pattern: a server holding the secret asks for a user's token; a browser gets its token from its session.
      if (!options.directLineSecret) return refuse(res, 403, 'Forbidden', 'tokens/generate needs SEEN_DIRECTLINE_SECRET; a signed-in page gets its token from /api/session/directline');
      const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
      if (!match?.[1]) return refuse(res, 401, 'MissingToken', 'an Authorization: Bearer <Direct Line secret> is required');
      if (!sameSecret(match[1], options.directLineSecret)) return refuse(res, 403, 'Forbidden', 'the Direct Line secret is not valid');
    }
    return next();
  };
}

/** A state-changing request from a page must come from Seen's own origin (SameSite=Lax already keeps the cookie off cross-site posts). */
function sameOrigin(req: Request, options: Pick<AccessOptions, 'publicOrigin'>): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return true;
  if (options.publicOrigin && origin === options.publicOrigin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** After identity: every path that is not open needs a signed-in (or demo) user; pages redirect to sign-in, APIs answer 401. */
export function signInGate(options: Pick<AccessOptions, 'publicOrigin'>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isOpenPath(req.path)) return next();
    const user = res.locals['seenUserId'] as string | undefined;
    if (user && !['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !sameOrigin(req, options)) return refuse(res, 403, 'Forbidden', 'cross-origin request refused');
    if (user || res.locals['demo'] === true) return next();
    res.set('Cache-Control', 'no-store');
    // Why only page navigations are redirected: an image, script or favicon request must not start a sign-in of its own.
    if (req.path.startsWith('/api/') || !['GET', 'HEAD'].includes(req.method) || !req.accepts('html') || !(req.get('accept') ?? '').includes('text/html')) return refuse(res, 401, 'SignInRequired', 'sign in first');
    return res.redirect(302, `/signin?returnTo=${encodeURIComponent(req.originalUrl)}`);
  };
}

/** A return path after sign-in: this site's own path only (never `//host` or a scheme), else `/`. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 512) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\r\n\t]/.test(value)) return '/';
  if (value.startsWith('/signin') || value.startsWith('/signout') || value.startsWith('/signed-out')) return '/';
  return value;
}

/** The demo user named by ?user= or X-Seen-User: a plain id (the routes check it against the user table). */
const DEMO_USER = /^[A-Za-z0-9_.@-]{1,100}$/;

/** Demo mode only: the user named on the page becomes res.locals.seenUserId, unless a sign-in already named one. */
export function demoIdentity(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (res.locals['seenUserId'] === undefined && res.locals['demo'] === true) {
      const raw = req.get('x-seen-user') ?? req.query['user'];
      if (typeof raw === 'string' && DEMO_USER.test(raw)) res.locals['seenUserId'] = raw;
    }
    next();
  };
}
