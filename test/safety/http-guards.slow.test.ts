// HTTP hardening: loopback-only without a configured secret, the secret guarding tokens/generate, Bot Framework auth,
// oversized bodies refused clearly, and one user's flood rate-limited while another stays responsive.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { isLoopback } from '../../bot/http-guards';
import { startConversation } from '../helpers/directline-client';
import { testDbEnv } from '../helpers/database';
import { quietly } from '../helpers/quietly';

const NOW = new Date('2026-11-26T10:00:00Z');
const SECRET = 'a-configured-direct-line-secret-0123456789';

/** Seen's real app behind a test server that pretends each request came from `x-test-remote` (or loopback). */
async function startSeen(env: Record<string, string>): Promise<{ seen: Seen; base: string; dir: string; server: Server }> {
  const dir = mkdtempSync(join(tmpdir(), 'seen-guards-'));
  const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', ...env });
  const seen = await composeSeen(config, createLogger('silent'), { now: () => new Date(NOW) });
  const server = createServer((req, res) => {
    const remote = req.headers['x-test-remote'];
    if (typeof remote === 'string') Object.defineProperty(req.socket, 'remoteAddress', { value: remote, configurable: true });
    seen.app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return { seen, dir, server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** One request on a fresh connection (so the remote address applies to it alone); status and parsed body. */
type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };
function call(base: string, method: string, path: string, opts: { from?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.from ? { 'x-test-remote': opts.from } : {}), ...opts.headers };
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const REMOTE = '203.0.113.7';

const generate = (user = 'alex') => JSON.stringify({ user: { id: user } });

describe('safety: HTTP guards', function () {
  this.timeout(120_000);

  const loopbacks: Array<[string | undefined, boolean]> = [
    ['127.0.0.1', true], ['127.4.5.6', true], ['::1', true], ['::ffff:127.0.0.1', true],
    ['203.0.113.7', false], ['10.0.0.5', false], ['::ffff:10.0.0.5', false], ['fe80::1', false], ['1127.0.0.1', false], [undefined, false],
  ];
  for (const [address, expected] of loopbacks) it(`isLoopback(${address}) is ${expected}`, () => assert.equal(isLoopback(address), expected));

  describe('without SEEN_DIRECTLINE_SECRET: demo mode for loopback only; from elsewhere pages need sign-in and tokens/generate is closed', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen({})));
    after(async () => { await new Promise((r) => s.server.close(r)); await s.seen.close(); rmSync(s.dir, { recursive: true, force: true }); });

    // [method, path, from, expected status]
    const table: Array<[string, string, string | undefined, number, string?]> = [
      ['GET', '/', undefined, 200],
      ['GET', '/', REMOTE, 302],
      ['GET', '/api/demo-users', REMOTE, 403],
      ['GET', '/api/coverage/team?user=sam', REMOTE, 401],
      ['GET', '/webchat.js', REMOTE, 401],
      ['POST', '/v3/directline/tokens/generate', REMOTE, 403, generate()],
      ['POST', '/v3/directline/tokens/generate', '::ffff:127.0.0.1', 200, generate()],
      ['POST', '/v3/directline/conversations', REMOTE, 401],
      ['GET', '/healthz', REMOTE, 200],
      ['POST', '/api/messages', REMOTE, 401, '{}'],
      ['POST', '/api/messages', undefined, 400, '{}'],
    ];
    for (const [method, path, from, status, body] of table) {
      it(`${method} ${path} from ${from ?? 'loopback'} → ${status}`, async () => {
        const r = await call(s.base, method, path, { from, body, headers: { accept: path === '/' ? 'text/html' : '*/*' } });
        assert.equal(r.status, status, r.body);
        if (status === 302) assert.match(String(r.headers['location']), /^\/signin\?returnTo=/);
        if (status === 403 || status === 401) assert.equal(typeof (JSON.parse(r.body) as { error: { code: string } }).error.code, 'string');
      });
    }
  });

  describe('with SEEN_DIRECTLINE_SECRET: tokens/generate from elsewhere needs the secret', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen({ SEEN_DIRECTLINE_SECRET: SECRET })));
    after(async () => { await new Promise((r) => s.server.close(r)); await s.seen.close(); rmSync(s.dir, { recursive: true, force: true }); });

    const table: Array<[string, string | undefined, Record<string, string>, number, string]> = [
      ['remote, no Authorization', REMOTE, {}, 401, 'MissingToken'],
      ['remote, wrong secret', REMOTE, { authorization: `Bearer ${SECRET}x` }, 403, 'Forbidden'],
      ['remote, a Direct Line token instead of the secret', REMOTE, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' }, 403, 'Forbidden'],
      ['remote, the secret', REMOTE, { authorization: `Bearer ${SECRET}` }, 200, ''],
      ['loopback (the local page), no Authorization', undefined, {}, 200, ''],
    ];
    for (const [name, from, headers, status, code] of table) {
      it(`tokens/generate, ${name} → ${status}`, async () => {
        const r = await call(s.base, 'POST', '/v3/directline/tokens/generate', { from, headers, body: generate() });
        assert.equal(r.status, status, r.body);
        if (code) assert.equal((JSON.parse(r.body) as { error: { code: string } }).error.code, code);
      });
    }

    it('a remote client with a token from the secret can start its conversation; the pages still need sign-in', async () => {
      const issued = JSON.parse((await call(s.base, 'POST', '/v3/directline/tokens/generate', { from: REMOTE, headers: { authorization: `Bearer ${SECRET}` }, body: generate() })).body) as { token: string };
      const started = await call(s.base, 'POST', '/v3/directline/conversations', { from: REMOTE, headers: { authorization: `Bearer ${issued.token}` } });
      assert.equal(started.status, 201, started.body);
      assert.equal((await call(s.base, 'GET', '/', { from: REMOTE, headers: { accept: 'text/html' } })).status, 302);
    });
  });

  describe('Bot Framework authentication on /api/messages', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen({ MicrosoftAppId: '00000000-0000-4000-8000-000000000b07', MicrosoftAppPassword: 'not-a-real-password' })));
    after(async () => { await new Promise((r) => s.server.close(r)); await s.seen.close(); rmSync(s.dir, { recursive: true, force: true }); });

    const activity = JSON.stringify({ type: 'message', text: 'help', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', from: { id: 'alex' }, recipient: { id: 'seen' }, conversation: { id: 'c1' } });
    const table: Array<[string, Record<string, string>]> = [
      ['no Authorization header', {}],
      ['a forged bearer token', { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln' }],
    ];
    for (const [name, headers] of table) {
      it(`with MicrosoftAppId set, ${name} → refused with 401 and a fixed body`, async () => {
        const r = await quietly(() => call(s.base, 'POST', '/api/messages', { headers, body: activity }));
        assert.equal(r.status, 401);
        assert.deepEqual(JSON.parse(r.body), { error: { code: 'Unauthorized', message: 'the request is not authenticated for this bot' } });
      });
    }
    it('without an Authorization header the answer is exactly 401 (no network needed to refuse)', async () => {
      const r = await quietly(() => call(s.base, 'POST', '/api/messages', { body: activity }));
      assert.equal(r.status, 401, r.body);
    });
  });

  describe('oversized input and floods', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen({})));
    after(async () => { await new Promise((r) => s.server.close(r)); await s.seen.close(); rmSync(s.dir, { recursive: true, force: true }); });

    const post = (conversationId: string, token: string, text: string) =>
      call(s.base, 'POST', `/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ type: 'message', text }) });

    const sizes: Array<[string, number, number, RegExp]> = [
      ['a 1 MiB message', 1024 * 1024, 413, /"code":"PayloadTooLarge","message":"request body is larger than 1 MB"/],
      ['a 1,000,000-character message', 1_000_000, 400, /"code":"BadArgument","message":"invalid activity at text: Too big/],
    ];
    for (const [name, size, status, body] of sizes) {
      it(`${name} over Direct Line → ${status} with a clear reason; the server still answers`, async () => {
        const { conversationId, token } = await startConversation(s.base, { id: 'jo' });
        const r = await post(conversationId, token, 'x'.repeat(size));
        assert.equal(r.status, status);
        assert.match(r.body, body);
        assert.equal((await post(conversationId, token, 'help')).status, 200);
      });
    }

    it('a 1 MiB body to /api/messages → 413, not 500', async () => {
      const r = await call(s.base, 'POST', '/api/messages', { body: JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024) }) });
      assert.equal(r.status, 413, r.body);
    });

    it('10,000 messages in a minute from one user: all but the limit get 429, and another user stays responsive', async () => {
      const flood = await startConversation(s.base, { id: 'sam' });
      const other = await startConversation(s.base, { id: 'alex' });
      const timeOne = async () => { const t0 = process.hrtime.bigint(); const r = await post(other.conversationId, other.token, 'help'); return { status: r.status, ms: Number(process.hrtime.bigint() - t0) / 1e6 }; };
      const baseline: number[] = [];
      for (let i = 0; i < 5; i++) baseline.push((await timeOne()).ms);

      const statuses = new Map<number, number>();
      let sent = 0;
      const started = Date.now();
      const worker = async () => {
        while (sent < 10_000) {
          sent += 1;
          const r = await post(flood.conversationId, flood.token, `message ${sent}`);
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
      };
      const during: Array<{ status: number; ms: number }> = [];
      // At most 50 probes: with the 5 baseline turns, the other user stays under his own 60-a-minute limit however long the flood takes.
      const probe = (async () => {
        while (sent < 10_000 && during.length < 50) {
          during.push(await timeOne());
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      await Promise.all([...Array.from({ length: 32 }, worker), probe]);
      const floodMs = Date.now() - started;
      const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
      const ms = during.map((d) => d.ms);
      process.stdout.write(`      flood: 10000 messages from one user in ${floodMs} ms → ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `other user: baseline p50 ${pct(baseline, 0.5).toFixed(1)} ms; during flood ${during.length} turns, p50 ${pct(ms, 0.5).toFixed(1)} ms, p95 ${pct(ms, 0.95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms\n`);
      assert.ok(floodMs < 60_000, 'the flood happened within a minute');
      assert.equal(statuses.get(200), 60, 'exactly the per-minute limit was accepted');
      assert.equal(statuses.get(429), 10_000 - 60);
      assert.deepEqual([...statuses.keys()].sort(), [200, 429]);
      assert.ok(during.length >= 3, 'the other user was measured during the flood');
      assert.ok(during.every((d) => d.status === 200), 'the other user was never refused');
      assert.ok(pct(ms, 0.95) < 1500, `the other user's p95 latency stays under 1.5 s (was ${pct(ms, 0.95)} ms)`);
    });
  });
});
