// Plays a conversation as a table of [what the user sends, what the bot replies] rows against a DialogTestClient.
import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { turnErrorHandler } from '../../bot/turn-error';
import type { DialogTestClient } from 'botbuilder-testing';

/** One expected reply: exact text, a pattern, or a check on the whole activity. */
export type Expect = string | RegExp | ((reply: Partial<Activity>) => void);
/** One row: the user's message (text or a whole activity) and every reply expected, in order. */
export type Turn = [string | Partial<Activity>, Expect[]];

/** Sends each row and asserts the replies match exactly, with no extra replies. */
export async function playTurns(client: DialogTestClient, turns: readonly Turn[]): Promise<void> {
  for (const [i, [input, expected]] of turns.entries()) {
    const replies: Partial<Activity>[] = [];
    const first = await client.sendActivity(input as Partial<Activity>);
    for (let r: Partial<Activity> | undefined = first; r; r = client.getNextReply()) replies.push(r);
    const label = `turn ${i + 1} (${typeof input === 'string' ? JSON.stringify(input.slice(0, 40)) : 'activity'})`;
    assert.equal(replies.length, expected.length, `${label}: expected ${expected.length} replies, got ${replies.length}: ${JSON.stringify(replies.map((r) => r.text))}`);
    expected.forEach((e, j) => {
      const reply = replies[j];
      if (typeof e === 'string') assert.equal(reply.text, e, `${label}, reply ${j + 1}`);
      else if (e instanceof RegExp) assert.match(reply.text ?? '', e, `${label}, reply ${j + 1}`);
      else e(reply);
    });
  }
}

/** Plays rows against a whole bot on the SDK's TestAdapter as `userId` in a personal chat on `channelId` (default the Emulator). */
export async function playBot(bot: { run(context: TurnContext): Promise<void> }, userId: string, rows: readonly Turn[], channelId = 'emulator'): Promise<void> {
  const adapter = new TestAdapter((ctx) => bot.run(ctx), { channelId, from: { id: userId, name: userId }, recipient: { id: 'seen', name: 'Seen' }, conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, serviceUrl: 'http://localhost' });
  adapter.onTurnError = turnErrorHandler(pino({ level: 'silent' }));
  for (const [i, [input, expected]] of rows.entries()) {
    await adapter.receiveActivity(typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : input);
    const replies = adapter.activeQueue.splice(0) as Partial<Activity>[];
    const label = `row ${i + 1}`;
    assert.equal(replies.length, expected.length, `${label}: ${JSON.stringify(replies.map((r) => r.text))}`);
    expected.forEach((e, j) => {
      if (typeof e === 'string') assert.equal(replies[j]!.text, e, `${label}.${j + 1}`);
      else if (e instanceof RegExp) assert.match(replies[j]!.text ?? '', e, `${label}.${j + 1}`);
      else e(replies[j]!);
    });
  }
}
