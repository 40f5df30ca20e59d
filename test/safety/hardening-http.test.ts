// What an attack on a running Seen found at its HTTP edge (issue 13, items 2-5, 10, 13), each kept closed by a row here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { DEMO_USERS } from '../../records/demo-data';
import { startCaptureChannel } from '../helpers/capture-channel';
import { startConversation } from '../helpers/directline-client';
import { testDbEnv } from '../helpers/database';

const NOW = new Date('2026-11-26T10:00:00Z');
const ALEX_AAD = DEMO_USERS.find((u) => u.id === 'alex')!.aadObjectId!;

/** A running Seen whose pino lines are kept, with anything written to stderr or console.error counted. */
async function startSeen(env: Record<string, string> = {}): Promise<{ seen: Seen; base: string; lines: Array<Record<string, unknown>>; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'seen-hardening-'));
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l)); done(); } });
  const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'warn', ...env });
  const seen = await composeSeen(config, createLogger('warn', sink), { now: () => new Date(NOW) });
  const { url } = await seen.listen();
  return { seen, base: url, lines, close: async () => { await seen.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Calls fn while counting every write to stderr and console.error (CloudAdapter's stack traces went there). */
async function countingStderr<T>(fn: () => Promise<T>): Promise<{ result: T; writes: number }> {
  let writes = 0;
  const write = process.stderr.write;
  const error = console.error;
  process.stderr.write = ((..._args: unknown[]) => { writes += 1; return true; }) as typeof process.stderr.write;
  console.error = () => { writes += 1; };
  try {
    return { result: await fn(), writes };
  } finally {
    process.stderr.write = write;
    console.error = error;
  }
}

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** `levels` nested objects as JSON text (built as text: JSON.stringify itself overflows on 5,000 levels). */
const deep = (levels: number): string => `${'{"a":'.repeat(levels)}"x"${'}'.repeat(levels)}`;
/** A JSON body with the raw JSON text `raw` spliced in at the placeholder key. */
const withRaw = (body: Record<string, unknown>, key: string, raw: string): string => JSON.stringify({ ...body, [key]: '__RAW__' }).replace('"__RAW__"', raw);

describe('safety: hardening at the HTTP edge (issue 13)', function () {
  this.timeout(30_000);

  describe('Direct Line and /api/messages (demo mode, anonymous /api/messages)', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    let channel: Awaited<ReturnType<typeof startCaptureChannel>>;
    let n = 0;
    before(async () => {
      channel = await startCaptureChannel();
      s = await startSeen({ SEEN_RATE_BOT_CONVERSATION_PER_MINUTE: '3', SEEN_RATE_BOT_ADDRESS_PER_MINUTE: '8' });
    });
    after(async () => { await s?.close(); await channel?.close(); });

    const dl = async (token: string, conversationId: string, activity: unknown) =>
      fetch(`${s.base}/v3/directline/conversations/${conversationId}/activities`, { ...json(activity), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    const teams = (conversation: string, extra: Record<string, unknown> = {}) => ({
      type: 'message', id: `t-${++n}`, channelId: 'msteams', serviceUrl: channel.base, text: 'help',
      from: { id: 'user-1', name: 'Someone', aadObjectId: ALEX_AAD }, recipient: { id: '28:seen', name: 'Seen' },
      conversation: { id: conversation, conversationType: 'personal', tenantId: 't' }, channelData: { tenant: { id: 't' } }, ...extra,
    });
    const rows = async () => ({
      audit: Number((await s.seen.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n),
      state: Number((await s.seen.db.get<{ n: number }>('SELECT count(*) AS n FROM bot_state'))!.n),
      activities: Number((await s.seen.db.get<{ n: number }>('SELECT count(*) AS n FROM directline_activities'))!.n),
    });

    // Item 2: [what is posted, expected status]
    const posted: Array<[string, unknown, number]> = [
      ['a message', { type: 'message', text: 'help' }, 200],
      ['typing', { type: 'typing' }, 200],
      ['an event Seen knows (webchat/join)', { type: 'event', name: 'webchat/join' }, 200],
      ['an event Seen does not know', { type: 'event', name: 'x/unknown' }, 400],
      ['conversationUpdate with 60,000 membersAdded', { type: 'conversationUpdate', membersAdded: Array.from({ length: 60_000 }, (_, i) => ({ id: `m${i}` })) }, 400],
      ['conversationUpdate with one member', { type: 'conversationUpdate', membersAdded: [{ id: 'alex' }] }, 400],
      ['an invoke', { type: 'invoke', name: 'adaptiveCard/action', value: {} }, 400],
      ['installationUpdate', { type: 'installationUpdate' }, 400],
      ['a message with 1,000 attachments', { type: 'message', text: 'x', attachments: Array.from({ length: 1000 }, () => ({ contentType: 'text/plain', content: 'x' })) }, 400],
      ['a message with 1,000 entities', { type: 'message', text: 'x', entities: Array.from({ length: 1000 }, () => ({ type: 'mention' })) }, 400],
    ];
    for (const [what, activity, status] of posted) {
      it(`item 2: Direct Line post of ${what} → ${status}${status === 400 ? ', nothing stored' : ''}`, async () => {
        const { conversationId, token } = await startConversation(s.base, { id: `u-${++n}` });
        const before = await rows();
        const res = await dl(token, conversationId, activity);
        assert.equal(res.status, status, await res.text());
        if (status === 400) assert.deepEqual(await rows(), before);
      });
    }

    it('item 4: 5,000 levels of nesting in a Direct Line value → 400, not 500', async () => {
      const { conversationId, token } = await startConversation(s.base, { id: 'alex' });
      const res = await fetch(`${s.base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: withRaw({ type: 'message', text: 'x' }, 'value', deep(5000)) });
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'BadArgument');
    });

    it('item 4: 5,000 levels in /api/messages channelData → 400; 20 levels are fine', async () => {
      const res = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: withRaw(teams('a:deep'), 'channelData', deep(5000)) });
      assert.equal(res.status, 400);
      const ok = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: withRaw(teams('a:shallow'), 'value', deep(20)) });
      assert.equal(ok.status, 200);
    });

    it('item 13: /upload answers 4xx (415 NotSupported), which DirectLineJS does not retry', async () => {
      const { conversationId, token } = await startConversation(s.base, { id: 'alex' });
      const res = await fetch(`${s.base}/v3/directline/conversations/${conversationId}/upload?userId=alex`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' });
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'NotSupported');
    });

    it('item 13: tokens/generate with an empty body is accepted (a token for a new anonymous user)', async () => {
      for (const init of [{ method: 'POST' }, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }]) {
        const res = await fetch(`${s.base}/v3/directline/tokens/generate`, init);
        assert.equal(res.status, 200);
        const body = (await res.json()) as { token: string; conversationId: string };
        assert.ok(body.token && body.conversationId);
      }
    });

    it('item 13: a watermark past the end returns the latest real watermark, not the client\'s', async () => {
      const { conversationId, token } = await startConversation(s.base, { id: 'alex' });
      const all = (await (await fetch(`${s.base}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } })).json()) as { watermark: string };
      const past = (await (await fetch(`${s.base}/v3/directline/conversations/${conversationId}/activities?watermark=999999`, { headers: { authorization: `Bearer ${token}` } })).json()) as { activities: unknown[]; watermark: string };
      assert.deepEqual(past, { activities: [], watermark: all.watermark });
    });

    it('item 3: /api/messages is limited per conversation (3 a minute here), and the refused turn writes nothing', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${s.base}/api/messages`, json(teams('a:limited')))).status);
      const before = await rows();
      const refused = await fetch(`${s.base}/api/messages`, json(teams('a:limited')));
      statuses.push(refused.status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.deepEqual(await rows(), before, 'no state or audit rows for a refused turn');
    });

    it('item 3: /api/messages is limited per address across conversations (8 a minute here)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await fetch(`${s.base}/api/messages`, json(teams(`a:spread-${i}`)))).status);
      assert.ok(statuses.includes(429), String(statuses));
      assert.ok(statuses.indexOf(429) <= 8, String(statuses));
    });
  });

  describe('unknown senders write nothing (item 3)', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    let channel: Awaited<ReturnType<typeof startCaptureChannel>>;
    before(async () => { channel = await startCaptureChannel(); s = await startSeen(); });
    after(async () => { await s?.close(); await channel?.close(); });

    it('20 turns from a sender Seen does not know add no state rows and no audit rows', async () => {
      const count = async () => [
        Number((await s.seen.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n),
        Number((await s.seen.db.get<{ n: number }>('SELECT count(*) AS n FROM bot_state'))!.n),
      ];
      const before = await count();
      for (let i = 0; i < 20; i++) {
        const body = { type: 'message', id: `x-${i}`, channelId: 'emulator', serviceUrl: channel.base, text: 'write up DEMO-1', from: { id: `stranger-${i}` }, recipient: { id: 'seen' }, conversation: { id: `x:${i}` } };
        assert.equal((await fetch(`${s.base}/api/messages`, json(body))).status, 200);
      }
      assert.deepEqual(await count(), before);
    });
  });

  describe('a failed Universal Action (item 10)', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    let refusing: Server;
    let refusingUrl: string;
    before(async () => {
      s = await startSeen();
      // A channel that refuses every reply with 413, as the attack's did (a refused connection is retried for seconds).
      refusing = createServer((_req, res) => res.writeHead(413).end());
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', () => resolve()));
      refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    });
    after(async () => { await s?.close(); refusing?.close(); });

    it('an adaptiveCard/action invoke whose replies cannot be sent → HTTP 200, application/vnd.microsoft.error, statusCode 500', async () => {
      const invoke = {
        type: 'invoke', name: 'adaptiveCard/action', id: 'inv-1', channelId: 'msteams', serviceUrl: refusingUrl,
        from: { id: 'user-1', name: 'Someone', aadObjectId: ALEX_AAD }, recipient: { id: '28:seen', name: 'Seen' },
        conversation: { id: 'a:invoke', conversationType: 'personal', tenantId: 't' }, channelData: { tenant: { id: 't' } },
        value: { action: { type: 'Action.Execute', verb: 'writeUp', data: { action: 'writeUp', caseRef: 'DEMO-1' } }, trigger: 'manual' },
      };
      const res = await fetch(`${s.base}/api/messages`, json(invoke));
      assert.equal(res.status, 200);
      const body = (await res.json()) as { statusCode: number; type: string; value: { code: string; message: string } };
      assert.equal(body.statusCode, 500);
      assert.equal(body.type, 'application/vnd.microsoft.error');
      assert.ok(body.value.message.length > 0);
    });
  });

  describe('401s on /api/messages when MicrosoftAppId is set (item 5)', () => {
    let s: Awaited<ReturnType<typeof startSeen>>;
    before(async () => (s = await startSeen({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', SEEN_DEMO: 'false' })));
    after(async () => s?.close());

    it('one structured warning line for the first 401, none on stderr; 70 more add at most one summary line and are never 429', async () => {
      const activity = { type: 'message', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' }, text: 'hi' };
      const first = await countingStderr(() => fetch(`${s.base}/api/messages`, json(activity)));
      assert.equal(first.result.status, 401);
      assert.equal(first.writes, 0, 'nothing on stderr');
      const warnings = () => s.lines.filter((l) => l['event'] === 'api_messages_unauthenticated');
      assert.equal(warnings().length, 1);
      assert.equal(warnings()[0]!['level'], 40);
      assert.ok(!('err' in warnings()[0]!) && !('stack' in warnings()[0]!), 'no stack in the line');
      // 70 more, past the per-conversation limit (60): a stranger cannot use up conversation c's allowance, so each is a 401.
      const rest = await countingStderr(async () => { for (let i = 0; i < 70; i++) assert.equal((await fetch(`${s.base}/api/messages`, json(activity))).status, 401); });
      assert.equal(rest.writes, 0);
      assert.ok(s.lines.length <= 2, `${s.lines.length} log lines for 71 refusals`);
    });
  });
});
