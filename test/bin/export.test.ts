import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../bin/cli';
import { openTestDb, dbArgs } from '../helpers/database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { Summary } from '../../records/model';
import { seedDemo } from '../../records/demo-seed';
import { fixedClock } from '../helpers/records';

// `seen export`: schema-valid JSON, Markdown for the case file, clear refusals, and every export in the audit trail.
describe('bin: seen export', () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-export-'));
    file = join(dir, 'seen.db');
    const db = await openTestDb(file);
    await seedDemo(new SqlCaseRecords(db, fixedClock));
    await db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => Buffer.alloc(0) };
    const code = await main(['export', ...args, ...dbArgs(file)], io);
    return { code, out, err };
  }

  it('prints JSON whose summaries parse with the zod schema', async () => {
    const { code, out } = await run(['demo-3', '--format', 'json']);
    assert.equal(code, 0);
    const parsed = JSON.parse(out) as { caseRef: string; fictional: boolean; summaries: unknown[] };
    assert.deepEqual([parsed.caseRef, parsed.fictional, parsed.summaries.length], ['DEMO-3', true, 1]);
    Summary.parse(parsed.summaries[0]);
  });

  it('prints Markdown a practitioner can paste, marked fictional', async () => {
    const { code, out } = await run(['DEMO-3']);
    assert.equal(code, 0);
    assert.match(out, /^## Father-inclusive summary: Marcus \(fictional\)/);
    assert.match(out, /FICTIONAL DEMO DATA/);
    assert.match(out, /written by Alex Morgan on/, 'the author by name, never the user id (issue 15 item 12)');
  });

  const bad: Array<[string, string[], number, RegExp]> = [
    ['an unknown case', ['NOPE-1'], 1, /no case NOPE-1/],
    ['an unknown format', ['DEMO-3', '--format', 'pdf'], 2, /format/],
  ];
  for (const [what, args, code, message] of bad) {
    it(`refuses ${what} with exit ${code}`, async () => {
      const r = await run(args);
      assert.equal(r.code, code);
      assert.match(r.err, message);
    });
  }

  it('records each export in the case\'s audit trail, through the export path', async () => {
    await run(['DEMO-3', '--format', 'json']);
    const db = await openTestDb(file);
    try {
      const entries = await new SqlAuditLog(db).listForCase('DEMO-3');
      assert.ok(entries.some((e) => e.path === 'export'), JSON.stringify(entries.map((e) => e.path)));
      // The same entry `export <case>` in chat and its download link write (records/case-export.ts).
      assert.ok(entries.some((e) => e.operation === 'summaries.export' && e.outcome === 'ok' && e.detail === 'json:1'), JSON.stringify(entries.map((e) => e.operation)));
    } finally {
      await db.close();
    }
  });
});
