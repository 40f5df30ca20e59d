// bot/size-budget.ts: the one size check on every send (issue 16): over the channel's budget → a short notice; a 413 → the notice.
import assert from 'node:assert/strict';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { createLogger } from '../../bot/logger';
import { isTooBig, SizeBudget } from '../../bot/size-budget';
import { channelOf } from '../../views/channels';
import { jsonBytes } from '../../views/budget';
import { t } from '../../prompts';

const NOTICE = /^That message was too large for this chat \(\d+ KB; it takes up to \d+ KB\)/;

/** Runs one turn on `channelId` whose logic sends `reply`, through SizeBudget; returns what reached the channel. */
async function send(channelId: string, reply: Partial<Activity>): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter(async (ctx: TurnContext) => void (await ctx.sendActivity(reply)), { channelId, conversation: { id: 'c' } as never, from: { id: 'u' } as never, recipient: { id: 'b' } as never });
  adapter.use(new SizeBudget(createLogger('silent')));
  await adapter.send('hi');
  return adapter.activeQueue.splice(0);
}

describe('bot: the size budget on every send', () => {
  const rows: Array<[string, string, number, 'sent' | 'notice']> = [
    ['a short message in Teams', 'msteams', 100, 'sent'],
    ['just under Teams\' 28 KB', 'msteams', channelOf('msteams').maxMessageBytes - 2_000, 'sent'],
    ['over Teams\' 28 KB', 'msteams', channelOf('msteams').maxMessageBytes + 1, 'notice'],
    ['the same 40 KB in web chat', 'webchat', 40_000, 'sent'],
    ['over web chat\'s 100 KB', 'webchat', channelOf('webchat').maxMessageBytes + 1, 'notice'],
  ];
  for (const [what, channel, size, expected] of rows) {
    it(`${what}: ${expected}`, async () => {
      const [out, ...rest] = await send(channel, { type: 'message', text: 'x'.repeat(size), suggestedActions: { actions: [{ type: 'imBack', title: 'Yes', value: 'Yes' }], to: [] } });
      assert.equal(rest.length, 0);
      if (expected === 'sent') return assert.equal(out!.text!.length, size);
      assert.match(out!.text!, NOTICE);
      assert.ok(jsonBytes(out) < 2_000, 'the notice is short');
      assert.equal(out!.suggestedActions?.actions[0]?.value, 'Yes', 'the buttons the message offered stay');
    });
  }

  const errors: Array<[string, unknown, boolean]> = [
    ['a RestError 413', Object.assign(new Error('too big'), { statusCode: 413 }), true],
    ['Teams\' MessageSizeTooBig body', Object.assign(new Error('x'), { body: { error: { code: 'MessageSizeTooBig' } } }), true],
    ['a 500', Object.assign(new Error('x'), { statusCode: 500 }), false],
    ['not an error at all', null, false],
  ];
  for (const [what, error, tooBig] of errors) it(`${what} is ${tooBig ? '' : 'not '}a size refusal`, () => assert.equal(isTooBig(error), tooBig));

  it('the notice wording says nothing is lost and where the full text is', () => assert.match(t('common.messageTooBig', { size: 30, max: 28 }), /full text is in the case record/));
});
