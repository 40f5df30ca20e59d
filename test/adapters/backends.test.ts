// Both backends hold the same schema, version for version; PostgreSQL's placeholders are rewritten without touching quoted text.
import assert from 'node:assert/strict';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../adapters/sqlite/schema';
import { MIGRATIONS as PG_MIGRATIONS } from '../../adapters/postgres/schema';
import { assertMigrationsOrdered } from '../../adapters/sql/migrations';
import { TABLES } from '../../adapters/sql/columns';
import { toPgPlaceholders } from '../../adapters/postgres/placeholders';
import { SqliteDb } from '../../adapters/sqlite/db';
import { PgDb } from '../../adapters/postgres/db';
import { onPostgres, openTestDb } from '../helpers/database';

/** Columns only one backend has, and why: PostgreSQL has no rowid, so men carry an identity column for their order. */
const PG_ONLY: Record<string, string[]> = { men: ['seq'] };

// Table → sorted column names, as the backend reports them.
async function columns(db: SqliteDb | PgDb): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = db instanceof SqliteDb
      ? await db.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table])
      : await db.all<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?', [db.schema, table]);
    out[table] = rows.map((r) => r.name).filter((n) => !(db instanceof PgDb && PG_ONLY[table]?.includes(n))).sort();
  }
  return out;
}

describe('backends: one schema, two databases', () => {
  it('numbers both migration lists 1, 2, 3… alike', () => {
    assertMigrationsOrdered(SQLITE_MIGRATIONS);
    assertMigrationsOrdered(PG_MIGRATIONS);
    assert.deepEqual(PG_MIGRATIONS.map((m) => m.version), SQLITE_MIGRATIONS.map((m) => m.version));
  });

  it('gives every table the same columns on both backends (PostgreSQL run only)', async function () {
    if (!onPostgres) this.skip(); // needs a PostgreSQL server: runs in the suite's PostgreSQL pass
    const sqlite = await SqliteDb.open(':memory:');
    const pg = (await openTestDb()) as PgDb;
    try {
      const [a, b] = [await columns(sqlite), await columns(pg)];
      for (const table of TABLES) assert.ok(a[table]!.length > 0, `${table} exists on SQLite`);
      assert.deepEqual(b, a);
      assert.equal(await pg.schemaVersion(), await sqlite.schemaVersion());
    } finally {
      await sqlite.close();
    }
  });

  it('says which PostgreSQL server it cannot open and why, without the password', async () => {
    await assert.rejects(PgDb.open({ url: 'postgres://seen:s3cret@127.0.0.1:1/seen' }), (err: Error) =>
      /^cannot open PostgreSQL at 127\.0\.0\.1:1\/seen: connect ECONNREFUSED/.test(err.message) && !err.message.includes('s3cret'));
  });

  const placeholders: Array<[string, string]> = [
    ['SELECT * FROM t WHERE a = ? AND b = ?', 'SELECT * FROM t WHERE a = $1 AND b = $2'],
    ['UPDATE c SET n = n + 1 WHERE id = ?1 AND x = ?2 OR id = ?1', 'UPDATE c SET n = n + 1 WHERE id = $1 AND x = $2 OR id = $1'],
    ["SELECT '?' , \"a?b\", ? FROM t", "SELECT '?' , \"a?b\", $1 FROM t"],
    ['SELECT $$ what? $$, $tag$ ? $tag$, ?', 'SELECT $$ what? $$, $tag$ ? $tag$, $1'],
    ["INSERT INTO s (k) VALUES (?) ON CONFLICT (k) DO NOTHING", 'INSERT INTO s (k) VALUES ($1) ON CONFLICT (k) DO NOTHING'],
  ];
  for (const [sql, expected] of placeholders) it(`rewrites ${JSON.stringify(sql)}`, () => assert.equal(toPgPlaceholders(sql), expected));
});
