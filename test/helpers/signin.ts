// Seen with sign-in against the in-process test provider, and a cookie-keeping HTTP client that signs in the way a browser does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { seedDemo } from '../../records/demo-seed';
import { testDbEnv } from './database';
import { startTestProvider, type TestProvider } from './oidc-provider';

/** Entra-shaped object ids (GUIDs) for the test accounts. */
export const OIDS = {
  sam: '6b0c2f1e-4c1d-4a7b-9d35-6f1e2a3b4c01',
  alex: '6b0c2f1e-4c1d-4a7b-9d35-6f1e2a3b4c02',
  stranger: '6b0c2f1e-4c1d-4a7b-9d35-6f1e2a3b4cff',
} as const;

/** A free loopback port (the redirect URI must be known before Seen starts): the benchmarks' helper. */
export { freePort } from '../../bench/free-port';
import { freePort } from '../../bench/free-port';

/** A running Seen with sign-in: its base URL, the provider, a movable clock, and tidy-up. */
export interface SignInSeen {
  seen: Seen;
  base: string;
  provider: TestProvider;
  /** Moves Seen's clock (sessions, tokens) forward; the provider keeps real time. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/**
 * Seen bound to 127.0.0.1 with demo mode off (so the pages need sign-in), the demo records loaded, and sam (supervisor)
 * and alex (practitioner) given the test provider's oids; `stranger` can sign in at the provider but is not a Seen user.
 */
export async function startSignInSeen(env: Record<string, string> = {}): Promise<SignInSeen> {
  const dir = mkdtempSync(join(tmpdir(), 'seen-signin-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider({
    redirectUri: `${base}/signin/callback`,
    accounts: { sam: { oid: OIDS.sam }, alex: { oid: OIDS.alex }, stranger: { oid: OIDS.stranger }, kim: {} },
  });
  let offset = 0;
  const config = loadConfig({
    PORT: String(port), HOST: '127.0.0.1', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', SEEN_DEMO: '0',
    SEEN_OIDC_ISSUER: provider.issuer, SEEN_OIDC_CLIENT_ID: provider.clientId, SEEN_OIDC_CLIENT_SECRET: provider.clientSecret, SEEN_PUBLIC_URL: base,
    ...env,
  });
  const seen = await composeSeen(config, createLogger('silent'), { now: () => new Date(Date.now() + offset) });
  await seedDemo(seen.records);
  for (const [id, oid] of [['sam', OIDS.sam], ['alex', OIDS.alex], ['kim', 'sub-kim']] as const) {
    const user = await seen.records.getUser(id);
    if (!user) throw new Error(`demo user ${id} missing`);
    await seen.records.upsertUser({ ...user, aadObjectId: oid });
  }
  await seen.listen();
  return {
    seen, base, provider,
    advance: (ms) => void (offset += ms),
    close: async () => {
      await seen.close();
      await provider.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One answer: status, headers, body. */
export interface Answer { status: number; headers: Headers; text: string; url: string }

/** A client that keeps cookies per host:port, as a browser would (path and expiry honoured only as far as these tests need). */
export class CookieClient {
  readonly jar = new Map<string, Map<string, string>>();

  cookieHeader(url: string): string {
    const jar = this.jar.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  /** One request, no redirect following; cookies stored and sent. */
  async request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
    const cookie = this.cookieHeader(url);
    // Like a browser navigating: it says it accepts HTML (a script or image request would not).
    const res = await fetch(url, { method: init.method ?? 'GET', redirect: 'manual', body: init.body, headers: { accept: 'text/html,application/json;q=0.9,*/*;q=0.8', ...(cookie ? { cookie } : {}), ...init.headers } });
    const host = new URL(url).host;
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      const jar = this.jar.get(host) ?? new Map<string, string>();
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
      this.jar.set(host, jar);
    }
    return { status: res.status, headers: res.headers, text: await res.text(), url };
  }

  /** Follows redirects (GET after each), returning every answer in order. */
  async follow(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, max = 12): Promise<Answer[]> {
    const answers: Answer[] = [];
    let next: string | undefined = url;
    let req = init;
    while (next && answers.length < max) {
      const a = await this.request(next, req);
      answers.push(a);
      const location = a.status >= 300 && a.status < 400 ? a.headers.get('location') : null;
      next = location ? new URL(location, next).href : undefined;
      req = {};
    }
    return answers;
  }
}

/** The provider's login form URL from a sign-in that stopped there. */
function loginFormUrl(answers: Answer[]): string {
  const last = answers.at(-1)!;
  if (!/Sign in \(test provider\)/.test(last.text)) throw new Error(`expected the provider's login page, got ${last.status} at ${last.url}`);
  return last.url;
}

/**
 * Signs in as `login` from `start` (a Seen URL that redirects to sign-in, default /signin), stopping before Seen's
 * callback when `stopAtCallback` is set; returns every answer, and the callback URL the provider sent back.
 */
export async function signIn(client: CookieClient, base: string, login: string, opts: { start?: string; stopAtCallback?: boolean } = {}): Promise<{ answers: Answer[]; callbackUrl: string }> {
  const toLogin = await client.follow(`${base}${opts.start ?? '/signin'}`);
  const form = loginFormUrl(toLogin);
  const answers = [...toLogin];
  let next: string | undefined = form;
  let req: { method?: string; headers?: Record<string, string>; body?: string } = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login }).toString() };
  let callbackUrl = '';
  while (next && answers.length < 30) {
    if (next.startsWith(`${base}/signin/callback`)) {
      callbackUrl = next;
      if (opts.stopAtCallback) break;
    }
    const a = await client.request(next, req);
    answers.push(a);
    const location = a.status >= 300 && a.status < 400 ? a.headers.get('location') : null;
    next = location ? new URL(location, next).href : undefined;
    req = {};
  }
  if (!callbackUrl) throw new Error(`the provider never redirected back to Seen (last ${answers.at(-1)?.status} at ${answers.at(-1)?.url})`);
  return { answers, callbackUrl };
}
