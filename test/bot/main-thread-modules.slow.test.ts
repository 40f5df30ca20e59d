// The thread that serves everyone's turns does not load the NLP libraries when notes are read on workers: their heap
// (about 13 MB) would be marked again by every full garbage collection of that thread (bench/README.md, round 3).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Which of compromise and natural a fresh Node process has loaded after requiring `modules` and running `then`. */
function loadedAfter(modules: string[], then = ''): string[] {
  const script = `${modules.map((m) => `require(${JSON.stringify(join(ROOT, m))});`).join('')}${then}
    const found = new Set(Object.keys(require.cache).map((k) => /node_modules\\/(compromise|natural)\\//.exec(k)?.[1]).filter(Boolean));
    process.stdout.write(JSON.stringify([...found].sort()));`;
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } });
  return JSON.parse(out.slice(out.lastIndexOf('['))) as string[];
}

describe('bot: what the turn-serving thread loads', function () {
  this.timeout(60_000);
  const table: Array<[string, string[], string, string[]]> = [
    ['the composition root, the bot and the worker pool', ['bot/compose.ts', 'bot/seen-bot.ts', 'adapters/analysis-worker/index.ts'], '', []],
    // The unhappy side: reading a note in this thread (SEEN_ANALYSIS_WORKERS=0, the CLI, tests) does load them.
    ['the same, then one note read in this thread', ['bot/compose.ts'],
      `require(${JSON.stringify(join(ROOT, 'analysis/analyser.ts'))}).inThisThread.analyse({ text: 'Kyle said he drinks.', name: 'Kyle' });`, ['compromise', 'natural']],
  ];
  for (const [what, modules, then, expected] of table) {
    it(`${what}: ${expected.length ? expected.join(' and ') : 'neither compromise nor natural'}`, () => assert.deepEqual(loadedAfter(modules, then), expected));
  }
});
