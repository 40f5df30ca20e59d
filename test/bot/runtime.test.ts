// The server's Node flags live in bot/runtime.ts; `npm start` must pass each of them, or the benchmarks and process tests
// would measure a server that users never run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../bot/runtime';

const start = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start'] ?? '';

describe('bot: the flags the server runs with', () => {
  it('npm start runs bot/index.ts', () => assert.match(start, /\bbot\/index\.ts\b/));
  for (const flag of SERVER_NODE_FLAGS) {
    it(`npm start passes ${flag} before the entry point`, () => {
      const words = start.split(/\s+/);
      assert.ok(words.includes(flag) && words.indexOf(flag) < words.indexOf('bot/index.ts'), `package.json "start" is "${start}"`);
    });
  }
  it('the heap limit is a number of megabytes no smaller than 512', () => {
    const mb = Number(/^--max-old-space-size=(\d+)$/.exec(SERVER_NODE_FLAGS.find((f) => f.startsWith('--max-old-space-size=')) ?? '')?.[1]);
    assert.ok(mb >= 512, `limit ${mb} MB`);
  });
});
