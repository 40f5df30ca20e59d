// /api/messages in anonymous mode, Emulator style: activities in over HTTP, replies out to a local capture "channel".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { t } from '../../prompts';
import { eventually, startCaptureChannel } from '../helpers/capture-channel';
import { testDbEnv } from '../helpers/database';

describe('end to end: /api/messages in anonymous mode (Emulator style)', function () {
  this.timeout(30_000);
  let dir: string;
  let seen: Seen;
  let base: string;
  let channel: Awaited<ReturnType<typeof startCaptureChannel>>;
  let n = 0;

  /** An Emulator-style message activity from alex. */
  const activity = (text: string, conversationId = 'emu-conv-1') => ({
    type: 'message',
    id: `emu-${++n}`,
    channelId: 'emulator',
    serviceUrl: channel.base,
    timestamp: new Date('2026-11-26T10:00:00Z').toISOString(),
    from: { id: 'alex', name: 'Alex Morgan', role: 'user' },
    recipient: { id: 'seen', name: 'Seen', role: 'bot' },
    conversation: { id: conversationId },
    locale: 'en-GB',
    text,
  });

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-api-'));
    channel = await startCaptureChannel();
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' });
    assert.equal(config.MicrosoftAppId, undefined, 'anonymous mode');
    seen = await composeSeen(config, createLogger('silent'), { now: () => new Date('2026-11-26T10:00:00Z') });
    base = (await seen.listen()).url;
  });

  after(async () => {
    await seen?.close();
    await channel?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers "help" from alex with the help wording, sent to the serviceUrl as a reply', async () => {
    const sent = activity('help');
    const res = await post(JSON.stringify(sent));
    assert.ok(res.status >= 200 && res.status < 300, `status ${res.status}: ${await res.text()}`);
    await eventually('the help reply at the capture server', () => channel.captured.some((c) => c.body.text === t('common.help')));
    const reply = channel.captured.find((c) => c.body.text === t('common.help'))!;
    assert.equal(reply.conversationId, 'emu-conv-1');
    assert.equal(reply.replyToId, sent.id, 'posted as a reply to the incoming activity');
    assert.equal(reply.body.type, 'message');
    assert.equal(reply.body.recipient?.id, 'alex');
  });

  it('tells an unknown user it does not recognise them', async () => {
    const before = channel.captured.length;
    const res = await post(JSON.stringify({ ...activity('help', 'emu-conv-2'), from: { id: 'nobody', name: 'Nobody' } }));
    assert.ok(res.status < 300, `status ${res.status}`);
    await eventually('the unknown-user reply', () => channel.captured.slice(before).some((c) => c.body.text === t('common.unknownUser')));
  });

  const malformed: [string, string, string?][] = [
    ['body is not JSON', '{"type": message'],
    ['body is an empty object', '{}'],
    ['body is an array', '[1, 2]'],
    ['activity without type', JSON.stringify({ text: 'help', from: { id: 'alex' } })],
    ['body is plain text', 'help', 'text/plain'],
  ];
  for (const [name, body, contentType] of malformed) {
    it(`refuses a malformed body with a 4xx and keeps answering: ${name}`, async () => {
      const res = await post(body, contentType);
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}: ${await res.text()}`);
      const before = channel.captured.length;
      const ok = await post(JSON.stringify(activity('help', `emu-after-${name.length}`)));
      assert.ok(ok.status < 300, `status ${ok.status}`);
      await eventually('a reply after the malformed request', () => channel.captured.slice(before).some((c) => c.body.text === t('common.help')));
    });
  }
});
