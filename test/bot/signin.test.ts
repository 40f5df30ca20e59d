// Web sign-in against a real OpenID provider (oidc-provider, in-process, Entra-shaped oid): who gets in, who does not,
// what a tampered cookie, a wrong state, a replayed code, an idle or too-old session and sign-out each get.
import assert from 'node:assert/strict';
import { t } from '../../prompts';
import { CookieClient, OIDS, signIn, startSignInSeen, type SignInSeen } from '../helpers/signin';

const MINUTE = 60_000;

describe('bot: web sign-in (OpenID Connect, sessions)', function () {
  this.timeout(30_000);
  let s: SignInSeen;
  beforeEach(async () => (s = await startSignInSeen({ SEEN_DIRECTLINE_SECRET: 'a-configured-direct-line-secret-0123456789' })));
  afterEach(async () => s.close());

  const webAudit = async () => s.seen.db.all<{ actor: string; operation: string; outcome: string; detail: string | null }>("SELECT actor, operation, outcome, detail FROM audit_log WHERE path = 'web' ORDER BY seq");
  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  it('without sign-in, every page and page API refuses; ?user= and X-Seen-User name nobody outside demo mode', async () => {
    const c = new CookieClient();
    const page = { accept: 'text/html,application/xhtml+xml' };
    const table: Array<[string, Record<string, string>, number]> = [
      ['/', page, 302], ['/coverage', page, 302], ['/index.html', page, 302], ['/chat.js', { accept: '*/*' }, 401], ['/favicon.ico', { accept: 'image/*' }, 401],
      ['/api/coverage/team?user=sam', {}, 401], ['/api/coverage/me', { 'x-seen-user': 'sam' }, 401], ['/api/coverage/team.csv?user=sam', {}, 401],
      ['/api/session', {}, 401], ['/api/demo-users', {}, 403],
    ];
    for (const [path, headers, status] of table) {
      const a = await c.request(`${s.base}${path}`, { headers });
      assert.equal(a.status, status, `${path}: ${a.text}`);
      if (status === 302) assert.equal(a.headers.get('location'), `/signin?returnTo=${encodeURIComponent(path)}`);
    }
    const posted = await c.request(`${s.base}/api/coverage/discussions?user=sam`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caseRef: 'DEMO-1', manId: 'demo-1-dan' }) });
    assert.equal(posted.status, 401);
    assert.equal((await s.seen.db.all('SELECT * FROM supervision_discussions')).length, 0, 'nothing recorded');
    // tokens/generate outside demo mode: only a token server holding the secret.
    const gen = await c.request(`${s.base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: 'sam' } }) });
    assert.equal(gen.status, 401);
    const anon = await c.request(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'prepare DEMO-4', serviceUrl: 'http://127.0.0.1:9/', channelId: 'emulator', conversation: { id: 'c' }, from: { id: 'jo' } }) });
    assert.equal(anon.status, 401, 'no anonymous /api/messages outside demo mode');
  });

  it('signs a supervisor in by oid: session, coverage as herself, her own Direct Line token; ?user= cannot change who she is', async () => {
    const c = new CookieClient();
    const { answers } = await signIn(c, s.base, 'sam', { start: '/coverage' });
    assert.equal(answers.at(-1)!.status, 200);
    assert.match(answers.at(-1)!.url, /\/coverage$/, 'back where she started');
    const cookie = [...(c.jar.get(new URL(s.base).host) ?? new Map())].find(([k]) => k === 'seen.sid');
    assert.ok(cookie, 'session cookie set');
    const me = await c.request(`${s.base}/api/session`);
    assert.deepEqual((json(me.text)['user'] as { id: string }).id, 'sam');
    assert.equal((await c.request(`${s.base}/api/coverage/team`)).status, 200);
    // alex's identity in the query or header is ignored: still sam.
    const asAlex = await c.request(`${s.base}/api/coverage/me?user=alex`, { headers: { 'x-seen-user': 'alex' } });
    assert.equal((json(asAlex.text)['user'] as { id: string }).id, 'sam');
    const token = json((await c.request(`${s.base}/api/session/directline`, { method: 'POST' })).text);
    assert.equal(typeof token['token'], 'string');
    const started = await c.request(`${s.base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${String(token['token'])}` } });
    assert.equal(started.status, 201, started.text);
    assert.deepEqual((await webAudit()).map((e) => [e.actor, e.operation, e.outcome]), [['sam', 'signin', 'ok']]);
  });

  it('the cookie is HttpOnly and SameSite=Lax, and not Secure on an http address', async () => {
    const c = new CookieClient();
    const start = await c.request(`${s.base}/signin`);
    const line = start.headers.getSetCookie().find((l) => l.startsWith('seen.sid='));
    assert.ok(line);
    assert.match(line, /HttpOnly/i);
    assert.match(line, /SameSite=Lax/i);
    assert.doesNotMatch(line, /Secure/i);
  });

  it('a provider without oid: matched by sub', async () => {
    const c = new CookieClient();
    await signIn(c, s.base, 'kim');
    assert.equal((json((await c.request(`${s.base}/api/session`)).text)['user'] as { id: string }).id, 'kim');
  });

  it('someone the provider knows but Seen does not gets the plain "not a Seen user" page and nothing else', async () => {
    const c = new CookieClient();
    const { answers } = await signIn(c, s.base, 'stranger');
    const last = answers.at(-1)!;
    assert.equal(last.status, 403);
    assert.ok(last.text.includes(t('signin.notUserTitle')) && last.text.includes(t('signin.notUserBody')));
    assert.doesNotMatch(last.text, /<script|DEMO-|North|Sam/);
    assert.equal((await c.request(`${s.base}/`)).status, 302);
    assert.equal((await c.request(`${s.base}/api/coverage/me`)).status, 401);
    assert.equal((await c.request(`${s.base}/api/session/directline`, { method: 'POST' })).status, 401);
    assert.deepEqual((await webAudit()).map((e) => [e.actor, e.operation, e.outcome, e.detail]), [['unknown', 'signin.unknown_user', 'denied', OIDS.stranger]]);
  });

  it('a wrong state is refused, and audited as a failed sign-in', async () => {
    const c = new CookieClient();
    const { callbackUrl } = await signIn(c, s.base, 'sam', { stopAtCallback: true });
    const wrong = new URL(callbackUrl);
    wrong.searchParams.set('state', 'not-the-state-seen-sent');
    const a = await c.request(wrong.href);
    assert.equal(a.status, 401);
    assert.ok(a.text.includes(t('signin.failedTitle')));
    assert.equal((await c.request(`${s.base}/api/coverage/me`)).status, 401);
    // The right state after a failure is no use either: each attempt's secrets are used once.
    assert.notEqual((await c.request(callbackUrl)).status, 302);
    const audit = await webAudit();
    assert.equal(audit[0]?.operation, 'signin.failed');
    assert.equal(audit.some((e) => e.operation === 'signin'), false);
  });

  it('a replayed authorization code is refused, in the same browser and in another that started its own sign-in', async () => {
    const c = new CookieClient();
    const { callbackUrl } = await signIn(c, s.base, 'sam');
    assert.equal((await c.request(callbackUrl)).status, 400, 'same browser: no sign-in pending');
    const other = new CookieClient();
    const pending = await other.request(`${s.base}/signin`);
    const state = new URL(pending.headers.get('location')!).searchParams.get('state')!;
    const replay = new URL(callbackUrl);
    replay.searchParams.set('state', state);
    const a = await other.request(replay.href);
    assert.equal(a.status, 401, 'another browser: the provider refuses the used code (and PKCE does not match)');
    assert.equal((await other.request(`${s.base}/api/coverage/me`)).status, 401);
  });

  it('a tampered cookie is no session', async () => {
    const c = new CookieClient();
    await signIn(c, s.base, 'sam');
    const jar = c.jar.get(new URL(s.base).host)!;
    const value = decodeURIComponent(jar.get('seen.sid')!);
    const dot = value.lastIndexOf('.');
    const flips = [
      `${value.slice(0, dot - 1)}${value[dot - 1] === 'A' ? 'B' : 'A'}${value.slice(dot)}`, // the id changed, signature kept
      `${value.slice(0, -1)}${value.at(-1) === 'A' ? 'B' : 'A'}`, // the signature changed
      value.slice(0, dot), // signature dropped
    ];
    for (const v of flips) {
      jar.set('seen.sid', encodeURIComponent(v));
      assert.equal((await c.request(`${s.base}/api/coverage/me`)).status, 401, v);
    }
  });

  it('a session ends after the idle time, and after 12 hours however active', async () => {
    const c = new CookieClient();
    await signIn(c, s.base, 'sam');
    s.advance(29 * MINUTE);
    assert.equal((await c.request(`${s.base}/api/coverage/me`)).status, 200, 'within 30 minutes');
    s.advance(31 * MINUTE);
    assert.equal((await c.request(`${s.base}/api/coverage/me`)).status, 401, 'idle for 31 minutes');

    const busy = new CookieClient();
    await signIn(busy, s.base, 'sam');
    const token = json((await busy.request(`${s.base}/api/session/directline`, { method: 'POST' })).text)['token'] as string;
    for (let i = 0; i < 35; i += 1) {
      s.advance(20 * MINUTE);
      assert.equal((await busy.request(`${s.base}/api/coverage/me`)).status, 200, `active at ${(i + 1) * 20} minutes`);
    }
    s.advance(20 * MINUTE); // 12 h 0 min since sign-in
    assert.equal((await busy.request(`${s.base}/api/coverage/me`)).status, 401, 'over 12 hours');
    const refresh = await busy.request(`${s.base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(refresh.status, 403, 'its Direct Line token cannot be refreshed past the session');
  });

  it('writing in chat keeps the session alive: messages at 20, 40 and 55 minutes, no page request, still signed in at 75', async () => {
    const c = new CookieClient();
    await signIn(c, s.base, 'sam');
    const token = json((await c.request(`${s.base}/api/session/directline`, { method: 'POST' })).text)['token'] as string;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const conversationId = json((await c.request(`${s.base}/v3/directline/conversations`, { method: 'POST', headers: auth })).text)['conversationId'] as string;
    for (const step of [20, 20, 15]) {
      s.advance(step * MINUTE);
      const posted = await fetch(`${s.base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'help' }) });
      assert.equal(posted.status, 200, `message after ${step} more minutes`);
    }
    s.advance(20 * MINUTE);
    assert.equal((await c.request(`${s.base}/api/coverage/me`)).status, 200, 'the page is still signed in');
  });

  it('sign-out ends the session and its Direct Line tokens; it is audited', async () => {
    const c = new CookieClient();
    await signIn(c, s.base, 'sam');
    const oldCookie = c.cookieHeader(s.base);
    const token = json((await c.request(`${s.base}/api/session/directline`, { method: 'POST' })).text)['token'] as string;
    const started = await c.request(`${s.base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const conversationId = json(started.text)['conversationId'] as string;
    const out = await c.request(`${s.base}/signout`, { method: 'POST', headers: { origin: s.base } });
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/signed-out');
    const withOldCookie = await fetch(`${s.base}/api/coverage/me`, { headers: { cookie: oldCookie } });
    assert.equal(withOldCookie.status, 401, 'the old cookie is dead');
    for (const [method, path] of [['GET', `/v3/directline/conversations/${conversationId}`], ['POST', '/v3/directline/tokens/refresh'], ['GET', `/v3/directline/conversations/${conversationId}/activities`]] as const) {
      const r = await fetch(`${s.base}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
      assert.equal(r.status, 403, `${method} ${path} with the old token`);
    }
    assert.deepEqual((await webAudit()).map((e) => [e.actor, e.operation]), [['sam', 'signin'], ['sam', 'signout']]);
  });

  it('a signed-in page post from another origin is refused', async () => {
    const c = new CookieClient();
    await signIn(c, s.base, 'sam');
    const a = await c.request(`${s.base}/api/coverage/discussions`, { method: 'POST', headers: { origin: 'https://attacker.example', 'content-type': 'application/json' }, body: JSON.stringify({ caseRef: 'DEMO-1', manId: 'demo-1-dan' }) });
    assert.equal(a.status, 403);
  });

  it('a returnTo that leaves Seen is ignored', async () => {
    const c = new CookieClient();
    const { answers } = await signIn(c, s.base, 'sam', { start: '/signin?returnTo=%2F%2Fattacker.example%2F' });
    assert.equal(new URL(answers.at(-1)!.url).origin, s.base);
  });

  describe('behind a TLS proxy (SEEN_PUBLIC_URL https, SEEN_TRUST_PROXY names it)', () => {
    it('the cookie is __Host-seen.sid, Secure, HttpOnly, SameSite=Lax; over plain http from elsewhere none is sent', async () => {
      const tls = await startSignInSeen({ SEEN_PUBLIC_URL: 'https://seen.example.org', SEEN_TRUST_PROXY: 'loopback' });
      try {
        const viaProxy = await fetch(`${tls.base}/signin`, { redirect: 'manual', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' } });
        const line = viaProxy.headers.getSetCookie().find((l) => l.startsWith('__Host-seen.sid='));
        assert.ok(line, viaProxy.headers.getSetCookie().join(' | '));
        for (const attr of [/;\s*Secure/i, /;\s*HttpOnly/i, /;\s*SameSite=Lax/i, /;\s*Path=\//i]) assert.match(line, attr);
        assert.doesNotMatch(line, /Domain=/i);
        assert.match(viaProxy.headers.get('location') ?? '', /redirect_uri=https%3A%2F%2Fseen\.example\.org%2Fsignin%2Fcallback/);
        const plain = await fetch(`${tls.base}/signin`, { redirect: 'manual' });
        assert.deepEqual(plain.headers.getSetCookie().filter((l) => l.includes('seen.sid')), []);
      } finally {
        await tls.close();
      }
    });
  });
});
