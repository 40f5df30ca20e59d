// CLI tests for `seen analyze`: main() with a fake io, the unhappy paths, and one real spawn of bin/seen.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../bin/cli';

const NOTE = join(__dirname, '..', '..', 'analysis', 'corpus', 'original', '01-full-narrative.txt');

function fakeIo(stdin: Buffer = Buffer.alloc(0)): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => { io.out += t; }, stderr: (t: string) => { io.err += t; }, readStdin: async () => stdin };
  return io;
}

describe('seen analyze', () => {
  it('--json prints one JSON object with domains, gaps and facts', async () => {
    const io = fakeIo();
    assert.equal(await main(['analyze', '--json', '--name', 'Jamie', '--other', 'Leo', NOTE], io), 0);
    const r = JSON.parse(io.out);
    assert.equal(r.domains.life_history.status, 'covered');
    assert.ok(Array.isArray(r.gaps) && r.facts.seen.status === 'seen');
  });
  it('reads stdin with -, and prints a readable report without --json', async () => {
    const io = fakeIo(Buffer.from('Dad at work. Baby feeding well.'));
    assert.equal(await main(['analyze', '--name', 'Jamie', '-'], io), 0);
    assert.match(io.out, /FATHER_NOT_SEEN/);
    assert.match(io.out, /life_history\s+absent/);
  });
  const bad: Array<[string, string[], Buffer | undefined, RegExp]> = [
    ['missing --name', [NOTE], undefined, /--name/],
    ['missing file', ['--name', 'Jamie', '/nonexistent/note.txt'], undefined, /no such file/],
    ['binary input', ['--name', 'Jamie', '-'], Buffer.from([0x41, 0x00, 0x42]), /binary/],
    ['invalid UTF-8', ['--name', 'Jamie', '-'], Buffer.from([0x41, 0xff, 0xfe]), /UTF-8/],
    ['empty text', ['--name', 'Jamie', '-'], Buffer.from('  \n'), /empty/],
    ['over 200,000 characters', ['--name', 'Jamie', '-'], Buffer.from('a'.repeat(200_001)), /200000/],
  ];
  for (const [what, args, stdin, msg] of bad) {
    it(`refuses ${what} with one line on stderr and a non-zero exit`, async () => {
      const io = fakeIo(stdin as Buffer | undefined);
      assert.notEqual(await main(['analyze', ...args], io), 0);
      assert.match(io.err, msg);
      assert.equal(io.err.trim().split('\n').length, 1);
      assert.equal(io.out, '');
    });
  }
  it('runs for real through node bin/seen.js', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seen-analyze-'));
    const f = join(dir, 'note.txt');
    writeFileSync(f, 'Telephone call with Jamie. He told me he grew up in foster care.');
    const p = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'seen.js'), 'analyze', '--json', '--name', 'Jamie', f], { encoding: 'utf8', timeout: 30000 });
    assert.equal(p.status, 0, p.stderr);
    const r = JSON.parse(p.stdout);
    assert.equal(r.facts.seen.status, 'spoken_to');
    assert.equal(r.domains.life_history.status, 'covered');
  });
});
