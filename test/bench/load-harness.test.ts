// The load benchmark's harness, small (N = 5): Seen and the echo floor as processes, every write-up saved and exported.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadResults, markdownTable, percentile } from '../../bench/load-report';
import { runLoad } from '../../bench/load';

describe('bench: load harness (N = 5)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seen-load-test-'));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('nearest-rank percentiles, as the table reports them', () => {
    const table: Array<[number[], number, number]> = [
      [[], 0.95, 0],
      [[7], 0.5, 7],
      [[1, 2, 3, 4], 0.5, 2],
      [[1, 2, 3, 4], 0.95, 4],
      [Array.from({ length: 100 }, (_, i) => i + 1), 0.99, 99],
    ];
    for (const [sorted, q, expected] of table) assert.equal(percentile(sorted, q), expected, `${q} of ${JSON.stringify(sorted)}`);
  });

  it('five practitioners write up through Seen and the floor replays their messages: no errors, nothing lost, figures written', async () => {
    const out = join(dir, 'load.json');
    const { results, table } = await runLoad({ ns: [5], out });
    const row = results.rows[0]!;
    assert.equal(row.n, 5);
    assert.deepEqual([row.guided, row.notes], [3, 2], 'half the practitioners paste notes');
    assert.equal(row.seen.errors, 0, `Seen errors: ${row.seen.errorSamples.join('; ')}`);
    assert.equal(row.seen.completed, 5, 'every write-up saved');
    assert.equal(row.lostAnswers, 0, `lost: ${row.lostSamples.join('; ')}`);
    assert.equal(row.floor.errors, 0, `floor errors: ${row.floor.errorSamples.join('; ')}`);
    assert.equal(row.floor.turns, row.seen.turns, 'the floor gets exactly the messages Seen got');
    assert.ok(row.seen.turns >= 5 * 20, `a full write-up is many turns (${row.seen.turns})`);
    for (const f of [row.seen, row.floor]) {
      assert.ok(f.p50Ms > 0 && f.p50Ms <= f.p95Ms && f.p95Ms <= f.p99Ms && f.p99Ms <= f.maxMs, `ordered percentiles ${JSON.stringify(f)}`);
      assert.ok(f.turnsPerSecond > 0);
      if (process.platform === 'linux') assert.ok(f.peakRssMb !== null && f.peakRssMb > 20, 'peak RSS read from /proc');
    }
    assert.ok(existsSync(out));
    assert.deepEqual(LoadResults.parse(JSON.parse(readFileSync(out, 'utf8'))), results, 'the file holds what was returned');
    assert.equal(table, markdownTable(results.rows));
    assert.match(table, /^\| 5 \| Seen \| 5\/5 \|/m);
    assert.match(table, /^\| 5 \| echo floor \| 5\/5 \|/m);
  });
});
