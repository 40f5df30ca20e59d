// WebSocket upgrades (issue 13, item 1): other paths refused at once and their sockets gone; the stream obeys the
// HTTP guards (address, rate limits) and the token; silent stream sockets are closed. Floods are bounded, on loopback.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { startConversation } from '../helpers/directline-client';
import { testDbEnv } from '../helpers/database';

/** Seen listening on a random loopback port; an `x-test-remote` header makes an upgrade appear to come from that address. */
async function startSeen(env: Record<string, string> = {}): Promise<{ seen: Seen; server: Server; port: number; base: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'seen-ws-'));
  const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', ...env });
  const seen = await composeSeen(config, createLogger('silent'));
  const { server, url } = await seen.listen();
  server.prependListener('upgrade', (req: IncomingMessage) => {
    const remote = req.headers['x-test-remote'];
    if (typeof remote === 'string') Object.defineProperty(req.socket, 'remoteAddress', { value: remote, configurable: true });
  });
  const port = Number(new URL(url).port);
  return { seen, server, port, base: url, close: async () => { await seen.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A raw upgrade request; resolves with the status line Seen answered (or 'none') and whether Seen closed the socket, within `ms`. */
function upgrade(port: number, path: string, headers: Record<string, string> = {}, ms = 3_000): Promise<{ status: string; closed: boolean; elapsed: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let settled = false;
    const done = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: answer.split('\r\n')[0] || 'none', closed, elapsed: Date.now() - started });
    };
    const timer = setTimeout(() => done(false), ms);
    socket.on('data', (b) => {
      answer += b.toString('latin1');
      if (/^HTTP\/1\.1 101 /.test(answer)) done(false); // the stream is open: nothing more to wait for
    });
    socket.on('close', () => done(true));
    socket.on('end', () => done(true));
    socket.on('error', () => done(true));
    headers = { ...headers };
    const extra = () => Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    const host = headers['host'] ?? `127.0.0.1:${port}`;
    delete headers['host'];
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra()}\r\n`);
  });
}

const connections = (server: Server): Promise<number> => new Promise((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));

describe('safety: WebSocket upgrades (issue 13, item 1)', function () {
  this.timeout(120_000);

  describe('demo mode on loopback', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen()));
    after(async () => s?.close());

    for (const path of ['/healthz', '/api/demo-users', '/', '/v3/directline/tokens/generate', '/v3/directline/conversations/abcdefgh/activities']) {
      it(`an upgrade to ${path} is refused at once (4xx) and Seen closes the socket`, async () => {
        const r = await upgrade(s.port, path);
        assert.match(r.status, /^HTTP\/1\.1 4\d\d /);
        assert.ok(r.closed, 'Seen closed the socket');
        assert.ok(r.elapsed < 1_500, `took ${r.elapsed} ms`);
      });
    }

    it('2,000 upgrades to /healthz (200 at a time) are each answered and closed; no handle is left and /healthz still answers', async () => {
      let refused = 0;
      for (let batch = 0; batch < 10; batch++) {
        const results = await Promise.all(Array.from({ length: 200 }, () => upgrade(s.port, '/healthz')));
        refused += results.filter((r) => /^HTTP\/1\.1 4\d\d /.test(r.status) && r.closed).length;
      }
      assert.equal(refused, 2_000);
      const deadline = Date.now() + 3_000;
      while ((await connections(s.server)) > 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok((await connections(s.server)) <= 2, `${await connections(s.server)} connections still open`);
      const started = Date.now();
      assert.equal((await fetch(`${s.base}/healthz`)).status, 200);
      assert.ok(Date.now() - started < 1_000);
    });

    it('a stream upgrade with a valid token opens; without one it is refused (403) and closed', async () => {
      const { conversationId, token } = await startConversation(s.base, { id: 'alex' });
      const ok = await upgrade(s.port, `/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}`);
      assert.match(ok.status, /^HTTP\/1\.1 101 /);
      const bad = await upgrade(s.port, `/v3/directline/conversations/${conversationId}/stream?t=forged`);
      assert.match(bad.status, /^HTTP\/1\.1 403 /);
      assert.ok(bad.closed);
    });

    it('a stream upgrade obeys the same access rules as HTTP: another Host name is refused (421) in demo mode, even with a valid token', async () => {
      const { conversationId, token } = await startConversation(s.base, { id: 'alex' });
      const path = `/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}`;
      const r = await upgrade(s.port, path, { host: 'attacker.example', 'x-test-remote': '203.0.113.7' });
      assert.match(r.status, /^HTTP\/1\.1 421 /);
      assert.ok(r.closed);
    });
  });

  describe('rate limits', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen({ SEEN_RATE_REQUESTS_PER_MINUTE: '10' })));
    after(async () => s?.close());

    it('stream upgrades count against the per-minute request limit (10 here): the excess get 429', async () => {
      const { conversationId, token } = await startConversation(s.base, { id: 'alex' });
      const statuses: string[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await upgrade(s.port, `/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}`)).status.split(' ')[1]!);
      assert.ok(statuses.includes('101'), statuses.join());
      assert.ok(statuses.includes('429'), statuses.join());
    });

  });

  describe('idle sockets', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen({ SEEN_STREAM_IDLE_SECONDS: '5' })));
    after(async () => s?.close());

    it('a stream socket that answers no ping is closed after SEEN_STREAM_IDLE_SECONDS (5 s here); one that answers stays', async () => {
      const { conversationId, token } = await startConversation(s.base, { id: 'sam' });
      const url = `ws://127.0.0.1:${s.port}/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}`;
      const silent = new WebSocket(url, { autoPong: false });
      const lively = new WebSocket(url);
      await Promise.all([silent, lively].map((ws) => new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); })));
      const opened = Date.now();
      const closedAt = await new Promise<number>((resolve) => silent.once('close', () => resolve(Date.now() - opened)));
      assert.ok(closedAt >= 4_000 && closedAt <= 12_000, `closed after ${closedAt} ms`);
      await new Promise((r) => setTimeout(r, 1_000));
      assert.equal(lively.readyState, WebSocket.OPEN, 'a socket that answers pings stays open');
      lively.close();
    });
  });
});
