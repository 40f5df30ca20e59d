// `seen migrate`: creates and upgrades the schema on whichever backend the suite runs on; start-up can be told to wait for it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../bin/cli';
import { loadConfig } from '../../bot/config';
import { composeSeen } from '../../bot/compose';
import { createLogger } from '../../bot/logger';
import { SchemaBehindError } from '../../adapters/sql/migrations';
import { MIGRATIONS } from '../../adapters/sqlite/schema';
import { dbArgs, openTestDb, testDbEnv } from '../helpers/database';
import { stat } from 'node:fs/promises';
import { TEST_NOW } from '../helpers/records';

const LATEST = MIGRATIONS.length;

// Runs `seen <args>` in-process and collects what it printed.
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => Buffer.alloc(0) };
  return { code: await main(args, io), out, err };
}

describe('seen migrate', function () {
  this.timeout(30_000);
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seen-migrate-'));
    file = join(dir, 'seen.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports version 0, migrates to the newest, then has nothing to do', async () => {
    const rows: Array<[string[], RegExp]> = [
      [['--status'], /: schema version 0( \(no database yet\))?\n$/],
      [[], new RegExp(`: migrated from version 0 to ${LATEST} \\(applied ${MIGRATIONS.map((m) => m.version).join(', ')}\\)\\n$`)],
      [[], new RegExp(`: already at version ${LATEST}\\n$`)],
      [['--status'], new RegExp(`: schema version ${LATEST}\\n$`)],
    ];
    for (const [args, expected] of rows) {
      const r = await cli(['migrate', ...args, ...dbArgs(file)]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, expected);
    }
  });

  it('reports without creating anything: --status on a database that does not exist yet leaves none behind', async () => {
    assert.match((await cli(['migrate', '--status', ...dbArgs(file)])).out, /: schema version 0( \(no database yet\))?\n$/);
    const db = await openTestDb(join(dir, 'other.db'));
    const schema = new URL(dbArgs(file)[1]!, 'file:').searchParams.get('schema');
    const left = db.dialect.name === 'postgres'
      ? (await db.all('SELECT 1 FROM pg_namespace WHERE nspname = ?', [schema])).length
      : Number((await stat(file).catch(() => undefined))?.size ?? 0) > 0 ? 1 : 0;
    assert.equal(left, 0);
  });

  it('refuses to start on a schema that is behind when SEEN_MIGRATE_ON_START=0, and starts once migrated', async () => {
    const config = loadConfig({ PORT: '0', ...testDbEnv(file), SEEN_LOG_LEVEL: 'silent', SEEN_MIGRATE_ON_START: '0' });
    await assert.rejects(composeSeen(config, createLogger('silent'), { now: () => TEST_NOW }), (err: Error) => err instanceof SchemaBehindError && /npx seen migrate/.test(err.message));
    assert.equal((await cli(['migrate', ...dbArgs(file)])).code, 0);
    const seen = await composeSeen(config, createLogger('silent'), { now: () => TEST_NOW });
    try {
      assert.ok((await seen.records.listUsers()).length > 0, 'started, with the demo data');
    } finally {
      await seen.close();
    }
  });

  const bad: Array<[string, string[]]> = [['an unexpected argument', ['migrate', 'now']], ['an unknown option', ['migrate', '--force']]];
  for (const [what, args] of bad) {
    it(`refuses ${what} with exit code 2 and the usage`, async () => {
      const r = await cli(args);
      assert.equal(r.code, 2);
      assert.match(r.err, /usage: seen migrate/);
    });
  }
});
