// Seen's Direct Line endpoint driven by Microsoft's own botframework-directlinejs client, plus the unhappy paths.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botframework-directlinejs';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { decodeJwt, SignJWT } from 'jose';
import { GREETING, echoOf, startEchoServer } from '../helpers/echo-bot';
import type { EchoServer } from '../helpers/echo-bot';

// DirectLineJS is a browser library: give it Node's XMLHttpRequest and WebSocket before it is loaded.
(globalThis as Record<string, unknown>)['XMLHttpRequest'] = require('xhr2');
(globalThis as Record<string, unknown>)['WebSocket'] = require('ws');
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');
type Client = InstanceType<typeof DirectLine>;

const USER = { id: 'demo-hv-1', name: 'Alex Morgan' };
const START = Date.parse('2025-03-03T09:00:00.000Z');

/** A directlinejs client whose received activities are collected; `waitFor` resolves on a match. */
class Conversation {
  readonly seen: Activity[] = [];
  private waiters: { match: (a: Activity[]) => boolean; resolve: () => void }[] = [];
  private readonly subscription: { unsubscribe(): void };

  constructor(readonly client: Client) {
    this.subscription = client.activity$.subscribe((a) => {
      this.seen.push(a);
      this.waiters = this.waiters.filter((w) => (w.match(this.seen) ? (w.resolve(), false) : true));
    });
  }

  texts(): string[] {
    return this.seen.filter((a) => a.type === 'message').map((a) => (a as { text?: string }).text ?? '');
  }

  waitForText(text: string, timeoutMs = 8000): Promise<void> {
    const match = (all: Activity[]) => all.some((a) => a.type === 'message' && (a as { text?: string }).text === text);
    if (match(this.seen)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}"; saw ${JSON.stringify(this.texts())}`)), timeoutMs);
      this.waiters.push({ match, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  send(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.client.postActivity({ type: 'message', from: { id: USER.id, name: USER.name }, text }).subscribe({ next: resolve, error: reject });
    });
  }

  end(): void {
    this.subscription.unsubscribe();
    this.client.end();
  }
}

/** JSON request helper for the raw HTTP cases. */
async function call(base: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string; message: string } }, text };
}

/** A token and started conversation made over plain HTTP. */
async function started(base: string, user = USER): Promise<{ conversationId: string; token: string }> {
  const gen = await call(base, 'POST', '/v3/directline/tokens/generate', { body: { user } });
  const start = await call(base, 'POST', '/v3/directline/conversations', { token: gen.json['token'] as string });
  assert.equal(start.status, 201);
  return { conversationId: gen.json['conversationId'] as string, token: start.json['token'] as string };
}

function client(server: EchoServer, options: { token: string; conversationId?: string; webSocket?: boolean }): Conversation {
  return new Conversation(new DirectLine({ ...options, webSocket: options.webSocket ?? false, domain: `${server.base}/v3/directline`, pollingInterval: 200 }));
}

describe('Direct Line 3.0 endpoint', () => {
  let db: Db;
  let server: EchoServer;
  let clock = START;
  const open: Conversation[] = [];
  const track = (c: Conversation) => (open.push(c), c);

  beforeEach(async () => {
    clock = START;
    db = await openTestDb();
    server = await startEchoServer({ db, now: () => new Date(clock), stream: true });
  });

  afterEach(async () => {
    for (const c of open.splice(0)) c.end();
    await server.close();
    await db.close();
  });

  it('greets, echoes and replays history to a second client with the same conversationId and token (polling)', async () => {
    const gen = await call(server.base, 'POST', '/v3/directline/tokens/generate', { body: { user: USER } });
    assert.equal(gen.status, 200);
    const { conversationId, token, expires_in } = gen.json as { conversationId: string; token: string; expires_in: number };
    assert.equal(expires_in, 3600);

    const first = track(client(server, { token }));
    await first.waitForText(GREETING);
    assert.equal(first.seen[0]?.conversation?.id, conversationId, 'the token\'s conversation was started');
    const id = await first.send('hello there');
    assert.match(id, new RegExp(`^${conversationId}\\|\\d{7}$`));
    await first.waitForText(echoOf('hello there'));
    const mine = first.seen.find((a) => (a as { text?: string }).text === 'hello there');
    assert.equal(mine?.from.id, USER.id, 'the user activity is echoed back from the token user');
    first.end();

    const second = track(client(server, { token, conversationId }));
    await second.waitForText(echoOf('hello there'));
    assert.deepEqual(second.texts(), [GREETING, 'hello there', echoOf('hello there')]);
    await second.send('again');
    await second.waitForText(echoOf('again'));
  });

  it('streams activities over the WebSocket when the stream is attached', async () => {
    const { conversationId, token } = await started(server.base);
    const ws = track(client(server, { token, conversationId, webSocket: true }));
    await ws.waitForText(GREETING);
    await ws.send('over the socket');
    await ws.waitForText(echoOf('over the socket'));
  });

  it('pages activities by watermark (the last seq returned)', async () => {
    const { conversationId, token } = await started(server.base);
    const path = `/v3/directline/conversations/${conversationId}/activities`;
    await call(server.base, 'POST', path, { token, body: { type: 'message', text: 'one', from: { id: 'someone-else' } } });
    const all = await call(server.base, 'GET', `${path}?watermark=`, { token });
    const activities = all.json['activities'] as { id: string; text: string; from: { id: string } }[];
    assert.deepEqual(activities.map((a) => a.text), [GREETING, 'one', echoOf('one')]);
    assert.equal(activities[1]?.from.id, USER.id, 'from.id is forced to the token user');
    assert.deepEqual(activities.map((a) => a.id), [0, 1, 2].map((n) => `${conversationId}|000000${n}`));
    assert.equal(all.json['watermark'], '2');
    const after = await call(server.base, 'GET', `${path}?watermark=1`, { token });
    assert.deepEqual((after.json['activities'] as { text: string }[]).map((a) => a.text), [echoOf('one')]);
    const none = await call(server.base, 'GET', `${path}?watermark=2`, { token });
    assert.deepEqual(none.json, { activities: [], watermark: '2' });
  });

  it('refreshes a token for the same conversation and refuses it once expired', async () => {
    const { conversationId, token } = await started(server.base);
    clock += 30 * 60 * 1000;
    const refreshed = await call(server.base, 'POST', '/v3/directline/tokens/refresh', { token });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.json['conversationId'], conversationId);
    assert.notEqual(refreshed.json['token'], token);
    clock += 31 * 60 * 1000;
    const expired = await call(server.base, 'POST', '/v3/directline/tokens/refresh', { token });
    assert.equal(expired.status, 403);
    assert.equal(expired.json.error?.code, 'TokenExpired');
    const stillGood = await call(server.base, 'GET', `/v3/directline/conversations/${conversationId}`, { token: refreshed.json['token'] as string });
    assert.equal(stillGood.status, 200);
  });

  it('starting the same conversation twice greets once (201 then 200)', async () => {
    const { conversationId, token } = await started(server.base);
    const again = await call(server.base, 'POST', '/v3/directline/conversations', { token });
    assert.equal(again.status, 200);
    const all = await call(server.base, 'GET', `/v3/directline/conversations/${conversationId}/activities`, { token });
    assert.deepEqual((all.json['activities'] as { text: string }[]).map((a) => a.text), [GREETING]);
  });

  it('answers 502 JSON when the bot fails and no onTurnError is set, then keeps working', async () => {
    const { conversationId, token } = await started(server.base);
    const path = `/v3/directline/conversations/${conversationId}/activities`;
    const failed = await call(server.base, 'POST', path, { token, body: { type: 'message', text: 'boom' } });
    assert.equal(failed.status, 502);
    assert.equal(failed.json.error?.code, 'BotError');
    assert.doesNotMatch(failed.text, /echo bot asked to fail|\bat \S+:\d+/);
    const ok = await call(server.base, 'POST', path, { token, body: { type: 'message', text: 'fine' } });
    assert.equal(ok.status, 200);
  });

  describe('malformed requests get 4xx JSON and the server keeps answering', () => {
    // The same claims as a real token (jti included), signed with another secret.
    const forge = (token: string) => new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode('a-different-secret-of-enough-length'));
    type Ctx = { conversationId: string; token: string; forged: string; unstarted: { conversationId: string; token: string } };
    const cases: [string, (c: Ctx) => { method: string; path: string; token?: string; body?: unknown; raw?: string }, number, string][] = [
      ['generate: body is not JSON', () => ({ method: 'POST', path: '/tokens/generate', raw: '{"user":' }), 400, 'BadSyntax'],
      ['generate: a user without an id', () => ({ method: 'POST', path: '/tokens/generate', body: { user: {} } }), 400, 'BadArgument'],
      ['generate: empty user id', () => ({ method: 'POST', path: '/tokens/generate', body: { user: { id: '' } } }), 400, 'BadArgument'],
      ['generate: user id of the wrong type', () => ({ method: 'POST', path: '/tokens/generate', body: { user: { id: 42 } } }), 400, 'BadArgument'],
      ['start: no token', () => ({ method: 'POST', path: '/conversations' }), 401, 'MissingToken'],
      ['start: garbage token', () => ({ method: 'POST', path: '/conversations', token: 'not-a-token' }), 403, 'BadToken'],
      ['start: tampered signature', (c) => ({ method: 'POST', path: '/conversations', token: `${c.token.slice(0, -4)}AAAA` }), 403, 'BadToken'],
      ['start: token signed with another secret', (c) => ({ method: 'POST', path: '/conversations', token: c.forged }), 403, 'BadToken'],
      ['refresh: no token', () => ({ method: 'POST', path: '/tokens/refresh' }), 401, 'MissingToken'],
      ['reconnect: token for another conversation', (c) => ({ method: 'GET', path: `/conversations/${c.unstarted.conversationId}`, token: c.token }), 403, 'Forbidden'],
      ['reconnect: conversation never started', (c) => ({ method: 'GET', path: `/conversations/${c.unstarted.conversationId}`, token: c.unstarted.token }), 404, 'NotFound'],
      ['reconnect: malformed conversation id', (c) => ({ method: 'GET', path: '/conversations/x', token: c.token }), 400, 'BadArgument'],
      ['post: activity without type', (c) => ({ method: 'POST', path: `/conversations/${c.conversationId}/activities`, token: c.token, body: { text: 'hi' } }), 400, 'BadArgument'],
      ['post: body is an array', (c) => ({ method: 'POST', path: `/conversations/${c.conversationId}/activities`, token: c.token, body: [1, 2] }), 400, 'BadArgument'],
      ['post: bad JSON', (c) => ({ method: 'POST', path: `/conversations/${c.conversationId}/activities`, token: c.token, raw: '{"type": message}' }), 400, 'BadSyntax'],
      ['post: body over 1 MB', (c) => ({ method: 'POST', path: `/conversations/${c.conversationId}/activities`, token: c.token, body: { type: 'message', text: 'x'.repeat(1_100_000) } }), 413, 'PayloadTooLarge'],
      ['post: token for another conversation', (c) => ({ method: 'POST', path: `/conversations/${c.conversationId}/activities`, token: c.unstarted.token, body: { type: 'message', text: 'hi' } }), 403, 'Forbidden'],
      ['post: unknown conversation', (c) => ({ method: 'POST', path: `/conversations/${c.unstarted.conversationId}/activities`, token: c.unstarted.token, body: { type: 'message', text: 'hi' } }), 404, 'NotFound'],
      ['poll: watermark not a number', (c) => ({ method: 'GET', path: `/conversations/${c.conversationId}/activities?watermark=abc`, token: c.token }), 400, 'BadArgument'],
      ['poll: watermark given twice', (c) => ({ method: 'GET', path: `/conversations/${c.conversationId}/activities?watermark=1&watermark=2`, token: c.token }), 400, 'BadArgument'],
      ['unknown operation', () => ({ method: 'GET', path: '/nothing-here' }), 404, 'NotFound'],
    ];

    for (const [name, build, status, code] of cases) {
      it(name, async () => {
        const conversation = await started(server.base);
        const gen = await call(server.base, 'POST', '/v3/directline/tokens/generate', { body: { user: { id: 'demo-sw-2' } } });
        const unstarted = { conversationId: gen.json['conversationId'] as string, token: gen.json['token'] as string };
        const req = build({ ...conversation, unstarted, forged: await forge(conversation.token) });
        const res = await call(server.base, req.method, `/v3/directline${req.path}`, req);
        assert.equal(res.status, status, res.text);
        assert.equal(res.json?.error?.code, code);
        assert.equal(typeof res.json.error?.message, 'string');
        assert.doesNotMatch(res.text, /\bat \S+:\d+:\d+|node_modules/, 'no stack trace');
        const health = await call(server.base, 'GET', '/healthz');
        assert.deepEqual(health.json, { status: 'ok' });
      });
    }
  });

  it('answers non-Direct Line failures as JSON too', async () => {
    const cases: [string, string, { raw?: string }, number][] = [
      ['GET', '/no-such-page', {}, 404],
      ['POST', '/api/demo-users', { raw: '{' }, 400],
    ];
    for (const [method, path, opts, status] of cases) {
      const res = await call(server.base, method, path, opts);
      assert.equal(res.status, status, `${method} ${path}`);
      assert.equal(typeof res.json.error?.code, 'string');
    }
  });
});

describe('Direct Line endpoint with onTurnError set', () => {
  it('lets the handler answer instead of failing the request', async () => {
    const db = await openTestDb();
    const server = await startEchoServer({ db, withTurnErrorHandler: true, now: () => new Date(START) });
    try {
      const { conversationId, token } = await started(server.base);
      const path = `/v3/directline/conversations/${conversationId}/activities`;
      const res = await call(server.base, 'POST', path, { token, body: { type: 'message', text: 'boom' } });
      assert.equal(res.status, 200);
      const all = await call(server.base, 'GET', path, { token });
      assert.deepEqual((all.json['activities'] as { text: string }[]).map((a) => a.text), [GREETING, 'boom', 'Sorry, something went wrong.']);
    } finally {
      await server.close();
      await db.close();
    }
  });
});

describe('Direct Line endpoint across a restart (file-backed SQLite)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seen-directline-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reconnects with the same token after the app and database are reopened, history intact', async () => {
    const file = join(dir, 'seen.db');
    let db = await openTestDb(file);
    let server = await startEchoServer({ db, now: () => new Date(START) });
    const { conversationId, token } = await started(server.base);
    const before = client(server, { token, conversationId });
    try {
      await before.waitForText(GREETING);
      await before.send('remember me');
      await before.waitForText(echoOf('remember me'));
    } finally {
      before.end();
      await server.close();
      await db.close();
    }

    db = await openTestDb(file);
    server = await startEchoServer({ db, now: () => new Date(START + 60_000) });
    const after = client(server, { token, conversationId });
    try {
      await after.waitForText(echoOf('remember me'));
      await after.send('still here');
      await after.waitForText(echoOf('still here'));
      assert.deepEqual(after.texts(), [GREETING, 'remember me', echoOf('remember me'), 'still here', echoOf('still here')]);
    } finally {
      after.end();
      await server.close();
      await db.close();
    }
  });
});
