// Fail closed: the refusal to start off loopback, demo mode only for local requests to a local Host, and properties over
// Host headers and cookies (no Host but this machine's reaches a demo-mode Seen; no forged cookie is a session).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadConfig, startupRefusal } from '../../bot/config';
import { isLocalHostHeader, safeReturnTo } from '../../bot/web-access';
import { composeSeen, type Seen } from '../../bot/compose';
import { createLogger } from '../../bot/logger';
import { testDbEnv } from '../helpers/database';
import { CookieClient, signIn, startSignInSeen, type SignInSeen } from '../helpers/signin';

const APP_ID = '00000000-0000-4000-8000-000000000b07';
const OIDC = { SEEN_OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-4000-8000-0000000000aa/v2.0', SEEN_OIDC_CLIENT_ID: 'c', SEEN_OIDC_CLIENT_SECRET: 's', SEEN_PUBLIC_URL: 'https://seen.example.org' };

/** A request with exactly this Host header (fetch would not send an arbitrary one). */
function withHost(base: string, path: string, host: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host, ...headers }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bot: fail closed', () => {
  describe('refusal to start', () => {
    const table: Array<[string, Record<string, string>, RegExp | undefined]> = [
      ['loopback, nothing configured (npm start on a laptop)', {}, undefined],
      ['HOST=localhost', { HOST: 'localhost' }, undefined],
      ['HOST=::1', { HOST: '::1' }, undefined],
      ['HOST=0.0.0.0, no MicrosoftAppId', { HOST: '0.0.0.0', ...OIDC }, /MicrosoftAppId is unset/],
      ['HOST=0.0.0.0, no sign-in', { HOST: '0.0.0.0', MicrosoftAppId: APP_ID }, /SEEN_OIDC_ISSUER is unset/],
      ['HOST=10.0.0.5, neither', { HOST: '10.0.0.5' }, /MicrosoftAppId is unset/],
      ['HOST=0.0.0.0, both', { HOST: '0.0.0.0', MicrosoftAppId: APP_ID, ...OIDC }, undefined],
    ];
    for (const [name, env, expected] of table) {
      it(`${name} → ${expected ? 'refused' : 'starts'}`, () => {
        const reason = startupRefusal(loadConfig(env));
        if (expected) assert.match(reason ?? '', expected);
        else assert.equal(reason, undefined);
      });
    }
    it('a half-configured sign-in, or a plain-http issuer off this machine, is a configuration error', () => {
      assert.throws(() => loadConfig({ SEEN_OIDC_ISSUER: OIDC.SEEN_OIDC_ISSUER }), /SEEN_OIDC_CLIENT_ID: required/);
      assert.throws(() => loadConfig({ ...OIDC, SEEN_OIDC_ISSUER: 'http://idp.example.org' }), /must be https/);
      assert.doesNotThrow(() => loadConfig({ ...OIDC, SEEN_OIDC_ISSUER: 'http://127.0.0.1:4000' }));
    });
  });

  it('Host headers: only localhost, 127.0.0.1 and [::1] (any port) are local (property)', () => {
    for (const [host, local] of [['localhost', true], ['127.0.0.1:3978', true], ['[::1]:80', true], ['LOCALHOST', true], ['localhost.attacker.example', false], ['127.0.0.1.nip.io', false], ['attacker.example', false], ['127.0.0.2', false], ['::1', false], ['', false]] as const) {
      assert.equal(isLocalHostHeader(host), local, host);
    }
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (host) => {
      const bare = host.replace(/:\d{1,5}$/, '').toLowerCase();
      assert.equal(isLocalHostHeader(host), ['localhost', '127.0.0.1', '[::1]'].includes(bare));
    }), { numRuns: 2000 });
  });

  it('returnTo stays on Seen (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (value) => {
      const r = safeReturnTo(value);
      assert.ok(r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/\\'), r);
      assert.equal(new URL(r, 'http://seen.invalid').origin, 'http://seen.invalid');
    }), { numRuns: 1000 });
  });

  describe('a demo-mode Seen (SEEN_DEMO=1 on loopback)', function () {
    this.timeout(30_000);
    let seen: Seen;
    let base: string;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'seen-access-'));
      seen = await composeSeen(loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' }), createLogger('silent'));
      base = (await seen.listen()).url;
    });
    after(async () => {
      await seen.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers any other Host with 421 on every path (DNS rebinding); a local Host is served (property)', async () => {
      await fc.assert(fc.asyncProperty(
        fc.oneof(fc.constantFrom('attacker.example', 'localhost.attacker.example', '127.0.0.1.nip.io', '10.0.0.5:3978', 'seen.example.org'), fc.domain()),
        fc.constantFrom('/', '/coverage', '/api/demo-users', '/api/coverage/team?user=sam', '/healthz', '/v3/directline/tokens/generate'),
        async (host, path) => {
          fc.pre(!isLocalHostHeader(host));
          assert.equal(await withHost(base, path, host), 421, `${host} ${path}`);
        }), { numRuns: 60 });
      for (const host of ['localhost', '127.0.0.1', `127.0.0.1:${new URL(base).port}`]) assert.equal(await withHost(base, '/api/demo-users', host), 200, host);
    });

    it('a request carrying a proxy header is not local: no picker, no ?user=, no anonymous /api/messages', async () => {
      for (const header of ['x-forwarded-for', 'forwarded', 'x-forwarded-host', 'via']) {
        assert.equal(await withHost(base, '/api/demo-users', '127.0.0.1', { [header]: '203.0.113.7' }), 403, header);
        assert.equal(await withHost(base, '/api/coverage/team?user=sam', '127.0.0.1', { [header]: '203.0.113.7' }), 401, header);
      }
    });
  });

  describe('SEEN_TRUST_PROXY names the proxy: a request through it is never local', function () {
    this.timeout(30_000);
    it('with the proxy on loopback, even a local-looking request gets no demo picker', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'seen-access-'));
      const seen = await composeSeen(loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', SEEN_TRUST_PROXY: 'loopback' }), createLogger('silent'));
      try {
        const base = (await seen.listen()).url;
        assert.equal(await withHost(base, '/api/demo-users', '127.0.0.1'), 403);
        assert.equal(await withHost(base, '/', '127.0.0.1', { accept: 'text/html' }), 302);
      } finally {
        await seen.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('cookies', function () {
    this.timeout(30_000);
    let s: SignInSeen;
    before(async () => (s = await startSignInSeen()));
    after(async () => s.close());

    it('no forged or altered session cookie is a session (property)', async () => {
      const c = new CookieClient();
      await signIn(c, s.base, 'sam');
      const real = decodeURIComponent(c.jar.get(new URL(s.base).host)!.get('seen.sid')!);
      const cookieChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:%+/='.split(''));
      await fc.assert(fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: cookieChar, maxLength: 120 }).map((v) => `s:${v}`),
          fc.tuple(fc.nat(real.length - 1), cookieChar).filter(([i, ch]) => real[i] !== ch).map(([i, ch]) => real.slice(0, i) + ch + real.slice(i + 1)),
        ),
        async (value) => {
          const r = await fetch(`${s.base}/api/session`, { headers: { cookie: `seen.sid=${encodeURIComponent(value)}` } });
          await r.arrayBuffer();
          assert.equal(r.status, 401, value);
        }), { numRuns: 80 });
      assert.equal((await c.request(`${s.base}/api/session`)).status, 200, 'the real one still works');
    });
  });
});
