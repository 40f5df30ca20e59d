// Typed input loses U+0000 before any dialog reads it; everything else is kept as typed.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { normaliseInput } from '../../bot/input-text';

describe('bot: input text cleaning', () => {
  const rows: Array<[string, Partial<Activity>, Partial<Activity>]> = [
    ['text', { text: 'Dan\u0000 said\u0000' }, { text: 'Dan said' }],
    ['nested card values, arrays included', { value: { a: 'x\u0000', b: ['\u0000y', 3], c: { d: 'z\u0000' } } }, { value: { a: 'x', b: ['y', 3], c: { d: 'z' } } }],
    ['other control and direction characters stay', { text: '\u0007\u202e ok' }, { text: '\u0007\u202e ok' }],
    ['no text and no value: untouched', { type: 'conversationUpdate' }, { type: 'conversationUpdate' }],
  ];
  for (const [what, input, expected] of rows) {
    it(what, () => {
      normaliseInput(input);
      assert.deepEqual(input, expected);
    });
  }
});
