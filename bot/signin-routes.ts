// Web sign-in: the session cookie, who the signed-in user is (res.locals.seenUserId), the sign-in and sign-out routes, the
// page's own Direct Line token, and the plain pages for "not a Seen user", "signed out" and "sign-in failed".
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import session from 'express-session';
import type { Logger } from 'pino';
import { randomBytes } from 'node:crypto';
import type { CaseRecords } from '../records/repository';
import type { AuditLog, AuditOperation, AuditOutcome } from '../records/audit';
import { SESSION_MAX_MS, sessionHash, type SqlSessionStore } from '../adapters/sql/session-store';
import { SignInError, type OidcSignIn } from '../adapters/identity/oidc';
import type { TokenService } from '../adapters/directline/tokens';
import { safeReturnTo } from './web-access';
import { t, type PromptKey } from '../prompts';

/** What sign-in needs; `oidc` is absent when SEEN_OIDC_ISSUER is unset (then /signin says sign-in is not available). */
export interface SignInDeps {
  store: SqlSessionStore;
  /** The key that signs the session cookie (generated once and kept in settings). */
  cookieSecret: string;
  idleMinutes: number;
  /** SEEN_PUBLIC_URL: the callback URL is built from it (never from the Host header); https makes the cookie Secure. */
  publicUrl?: string | undefined;
  /** Whether a proxy is trusted (SEEN_TRUST_PROXY), so express-session believes its X-Forwarded-Proto for Secure cookies. */
  behindProxy: boolean;
  oidc?: OidcSignIn | undefined;
  records: Pick<CaseRecords, 'getUser' | 'getUserByAadObjectId'>;
  audit: AuditLog;
  tokens: TokenService;
  now: () => Date;
  logger: Logger;
}

/** What an audit entry's detail may hold. */
const AUDIT_DETAIL = /^[\w.:-]{1,100}$/;

/** A minimal page: a title, one paragraph, maybe a link; no scripts, nothing from the case records. */
function plainPage(res: Response, status: number, title: PromptKey, body: PromptKey, link?: { href: string; text: PromptKey }): void {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const a = link ? `<p><a href="${esc(link.href)}">${esc(t(link.text))}</a></p>` : '';
  res.status(status).set('Cache-Control', 'no-store').type('html').send(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t(title))}</title><link rel="icon" href="data:,">`
    + `<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>`
    + `<body><main><h1>${esc(t(title))}</h1><p>${esc(t(body))}</p>${a}</main></body></html>`,
  );
}

/** Whether the public address is https (the cookie is then Secure and `__Host-` prefixed). */
function httpsPublic(publicUrl: string | undefined): boolean {
  return Boolean(publicUrl && new URL(publicUrl).protocol === 'https:');
}

/** The name of the session cookie. */
export function sessionCookieName(publicUrl: string | undefined): string {
  return httpsPublic(publicUrl) ? '__Host-seen.sid' : 'seen.sid';
}

/** Everything sign-in adds to the app: the session, identity and the routes (mount in that order, before the gate). */
export interface SignIn {
  /** express-session, skipped on paths that authenticate otherwise (Direct Line, /api/messages, /healthz). */
  session: RequestHandler;
  /** Puts the signed-in user's id in res.locals.seenUserId (unless an earlier sign-in already did). */
  identity: RequestHandler;
  routes: Router;
}

/** Builds the session middleware, the identity middleware and the sign-in routes. */
export function createSignIn(deps: SignInDeps): SignIn {
  for (const k of ['store', 'cookieSecret', 'records', 'audit', 'tokens', 'now', 'logger'] as const) if (!deps?.[k]) throw new TypeError(`createSignIn needs ${k}`);
  const { store, records, audit, tokens, now, logger } = deps;
  const idleMs = deps.idleMinutes * 60_000;
  const cookieSession = session({
    store,
    secret: deps.cookieSecret,
    name: sessionCookieName(deps.publicUrl),
    cookie: { httpOnly: true, sameSite: 'lax', secure: httpsPublic(deps.publicUrl), maxAge: idleMs, path: '/' },
    rolling: true,
    resave: false,
    saveUninitialized: false,
    unset: 'destroy',
    proxy: deps.behindProxy ? true : undefined,
    genid: () => randomBytes(32).toString('base64url'),
  });
  const sessionMiddleware: RequestHandler = (req, res, next) => {
    if (req.path === '/api/messages' || req.path === '/healthz' || req.path.startsWith('/v3/directline')) return next();
    return cookieSession(req, res, next);
  };

  const record = async (actor: string, operation: AuditOperation, outcome: AuditOutcome, detail?: string) => {
    await audit.append({ at: now().toISOString(), actor, path: 'web', operation, outcome, detail: detail && AUDIT_DETAIL.test(detail) ? detail : null });
  };
  const destroy = (req: Request) => new Promise<void>((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(err) : resolve())));
  const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((err: unknown) => (err ? reject(err) : resolve())));
  const save = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err: unknown) => (err ? reject(err) : resolve())));
  const wrap = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => void fn(req, res).catch(next);

  const identity: RequestHandler = (req, res, next) => void (async () => {
    // Why: another sign-in (Teams SSO on /api/coverage) that already named the user wins; nothing here overrides it.
    if (res.locals['seenUserId'] === undefined && req.session?.userId) {
      const { userId, subject, startedAt } = req.session;
      const user = subject && typeof startedAt === 'number' && now().getTime() - startedAt < SESSION_MAX_MS ? await records.getUserByAadObjectId(subject) : undefined;
      // A session past its 12 hours, or whose user was removed or disabled since, ends here.
      if (!user || user.id !== userId) await destroy(req);
      else {
        res.locals['seenUserId'] = user.id;
        res.locals['sessionHash'] = sessionHash(req.sessionID);
      }
    }
  })().then(() => next(), next);

  const routes = Router();
  const noStore: RequestHandler = (_req, res, next) => { res.set('Cache-Control', 'no-store'); next(); };
  routes.use(['/signin', '/signout', '/signed-out', '/api/session'], noStore);

  // Why: each attempt gets fresh PKCE, state and nonce, kept only in the session, used once.
  routes.get('/signin', wrap(async (req, res) => {
    if (!deps.oidc) return plainPage(res, 503, 'signin.unavailableTitle', 'signin.unavailableBody');
    let started: Awaited<ReturnType<OidcSignIn['start']>>;
    try {
      started = await deps.oidc.start();
    } catch (err) {
      logger.warn({ event: 'signin_provider_unreachable', error: (err as Error).name }, 'sign-in provider unreachable');
      return plainPage(res, 503, 'signin.unavailableTitle', 'signin.unavailableBody');
    }
    if (req.session.userId) await regenerate(req);
    req.session.startedAt = now().getTime();
    req.session.signin = { ...started.pending, returnTo: safeReturnTo(req.query['returnTo']) };
    await save(req);
    res.redirect(302, started.url);
  }));

  routes.get('/signin/callback', wrap(async (req, res) => {
    const pending = req.session.signin;
    if (!deps.oidc || !pending) {
      await record('anonymous', 'signin.failed', 'failed', pending ? 'not_configured' : 'no_pending_signin');
      return plainPage(res, 400, 'signin.failedTitle', 'signin.failedBody', { href: '/signin', text: 'signin.signInAgain' });
    }
    // Why before the exchange: an attempt's secrets are used once, whatever the outcome.
    delete req.session.signin;
    await save(req);
    // Why SEEN_PUBLIC_URL and not the Host header: the callback URL must be the registered one, whoever sent the request.
    const callbackUrl = new URL(req.originalUrl, deps.publicUrl);
    let subject: string;
    try {
      subject = (await deps.oidc.finish(callbackUrl, pending)).subject;
    } catch (err) {
      const reason = err instanceof SignInError ? err.reason : 'error';
      logger.warn({ event: 'signin_failed', reason }, 'sign-in failed');
      await record('anonymous', 'signin.failed', 'failed', reason);
      await destroy(req);
      return plainPage(res, 401, 'signin.failedTitle', 'signin.failedBody', { href: '/signin', text: 'signin.signInAgain' });
    }
    const user = await records.getUserByAadObjectId(subject);
    if (!user) {
      logger.warn({ event: 'signin_unknown_user' }, 'signed-in account is not a Seen user');
      await record('unknown', 'signin.unknown_user', 'denied', subject);
      await destroy(req);
      return plainPage(res, 403, 'signin.notUserTitle', 'signin.notUserBody');
    }
    // Why a new session id: whatever id the browser had before sign-in (perhaps planted) never becomes a signed-in one.
    await regenerate(req);
    Object.assign(req.session, { userId: user.id, subject, startedAt: now().getTime() });
    await save(req);
    await record(user.id, 'signin', 'ok');
    logger.info({ event: 'signed_in', user: user.id }, 'signed in');
    res.redirect(302, pending.returnTo);
  }));

  // Why POST: a link or an image cannot sign anyone out; the session's Direct Line tokens end with it.
  routes.post('/signout', express.urlencoded({ extended: false, limit: '1kb' }), wrap(async (req, res) => {
    const userId = req.session?.userId;
    if (req.session) {
      const retired = await tokens.retireSession(sessionHash(req.sessionID));
      await destroy(req);
      if (userId) {
        await record(userId, 'signout', 'ok', String(retired));
        logger.info({ event: 'signed_out', user: userId, tokens: retired }, 'signed out');
      }
    }
    res.clearCookie(sessionCookieName(deps.publicUrl), { path: '/', httpOnly: true, sameSite: 'lax', secure: httpsPublic(deps.publicUrl) });
    res.redirect(303, '/signed-out');
  }));
  routes.get('/signed-out', (_req, res) => plainPage(res, 200, 'signin.signedOutTitle', 'signin.signedOutBody', { href: '/signin', text: 'signin.signInAgain' }));

  // Why: the page asks who it is and whether it runs in demo mode; the answer comes from the session, never from the page.
  routes.get('/api/session', wrap(async (req, res) => {
    const id = res.locals['sessionHash'] ? (res.locals['seenUserId'] as string) : undefined;
    const user = id ? await records.getUser(id) : undefined;
    if (user) return void res.json({ mode: 'signed-in', user: { id: user.id, name: user.name, role: user.role, team: user.team }, labels: { signOut: t('signin.signOut') } });
    if (res.locals['demo'] === true) return void res.json({ mode: 'demo' });
    res.status(401).json({ error: { code: 'SignInRequired', message: 'sign in first' } });
  }));

  // Why: the signed-in page's Direct Line token, for the session's user and bound to the session (it dies with it).
  routes.post('/api/session/directline', wrap(async (req, res) => {
    const hash = res.locals['sessionHash'] as string | undefined;
    const user = hash ? await records.getUser(res.locals['seenUserId'] as string) : undefined;
    if (!hash || !user || typeof req.session.startedAt !== 'number') return void res.status(401).json({ error: { code: 'SignInRequired', message: 'sign in first' } });
    const conversationId = randomBytes(18).toString('base64url');
    res.json(await tokens.issue(conversationId, { id: user.id, name: user.name }, { hash, endsAt: new Date(req.session.startedAt + SESSION_MAX_MS) }));
  }));

  return { session: sessionMiddleware, identity, routes };
}
