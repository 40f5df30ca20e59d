// Teams' ~15 s turn limit: slow work is acknowledged within the budget and its result sent as a proactive follow-up.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import express from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, type TurnContext } from 'botbuilder';
import { replyWithin, type FollowUpError } from '../../dialogs/follow-up';
import { eventually, startCaptureChannel } from '../helpers/capture-channel';

describe('Teams: slow results become a follow-up message', function () {
  this.timeout(20_000);
  let channel: Awaited<ReturnType<typeof startCaptureChannel>>;
  let server: Server;
  let base: string;
  const lateErrors: FollowUpError[] = [];
  let work: () => Promise<ReturnType<typeof MessageFactory.text>>;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  before(async () => {
    channel = await startCaptureChannel();
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const logic = async (ctx: TurnContext) => {
      await replyWithin(ctx, { budgetMs: 50, work, ack: 'working on it', failed: 'that failed', onLateError: (e) => lateErrors.push(e) });
    };
    const app = express().use(express.json()).post('/api/messages', (req, res) => adapter.process(req, res, logic));
    server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
    await channel.close();
  });

  const send = async (conversation: string) => {
    const started = Date.now();
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
      type: 'message', id: `in-${conversation}`, channelId: 'msteams', serviceUrl: channel.base, text: 'prepare DEMO-3',
      from: { id: '29:alex' }, recipient: { id: '28:seen' }, conversation: { id: conversation },
    }) });
    return { status: res.status, ms: Date.now() - started };
  };
  const texts = (id: string) => channel.captured.filter((c) => c.conversationId === id).map((c) => c.body.text);

  it('sends a fast result in the turn itself', async () => {
    work = async () => MessageFactory.text('the plan');
    assert.equal((await send('fast')).status, 200);
    await eventually('the reply', () => texts('fast').length === 1);
    assert.deepEqual(texts('fast'), ['the plan']);
  });

  it('acknowledges slow work within the budget, ends the turn, and follows up proactively', async () => {
    work = async () => (await sleep(400), MessageFactory.text('the plan, later'));
    const { status, ms } = await send('slow');
    assert.equal(status, 200);
    assert.ok(ms < 350, `the turn ended after ${ms} ms, before the work finished`);
    assert.deepEqual(texts('slow'), ['working on it'], 'only the acknowledgement when the turn ends');
    await eventually('the follow-up', () => texts('slow').length === 2);
    assert.deepEqual(texts('slow'), ['working on it', 'the plan, later']);
  });

  it('when slow work fails after the turn, says so in the chat and reports the error with its cause', async () => {
    work = async () => { await sleep(200); throw new Error('database gone'); };
    assert.equal((await send('broken')).status, 200);
    await eventually('the failure notice', () => texts('broken').length === 2);
    assert.deepEqual(texts('broken'), ['working on it', 'that failed']);
    assert.equal(lateErrors.length, 1);
    assert.equal((lateErrors[0].cause as Error).message, 'database gone');
  });
});
