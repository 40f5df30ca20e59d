// The backend the suite runs on: SQLite by default; with SEEN_DATABASE_URL set, PostgreSQL, one fresh schema per test database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../adapters/sql/database';
import { PgDb } from '../../adapters/postgres/db';
import { SqliteDb } from '../../adapters/sqlite/db';

/** The PostgreSQL server the whole suite runs against, if any (read once, here, for tests only). */
export const TEST_DATABASE_URL: string | undefined = process.env.SEEN_DATABASE_URL || undefined;
/** True when this run of the suite is the PostgreSQL one. */
export const onPostgres = TEST_DATABASE_URL !== undefined;

// Every schema and database this run made, so the root hook can close and drop them.
const schemas = new Map<string, string>();
const opened: Db[] = [];

// A schema per SQLite file name: reopening "the same file" (a restart) reopens the same schema. ':memory:' is always new.
function schemaFor(file: string): string {
  const known = file === ':memory:' ? undefined : schemas.get(file);
  if (known) return known;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  schemas.set(file === ':memory:' ? schema : file, schema);
  return schema;
}

/** Opens a test database: the SQLite file (default in memory), or its own PostgreSQL schema. */
export async function openTestDb(file = ':memory:'): Promise<Db> {
  const db: Db = TEST_DATABASE_URL
    ? await PgDb.open({ url: TEST_DATABASE_URL, schema: schemaFor(file), poolSize: 4 })
    : await SqliteDb.open(file);
  opened.push(db);
  return db;
}

/** The environment a Seen process or config needs to use the test database named by `file`. */
export function testDbEnv(file: string): Record<string, string> {
  return TEST_DATABASE_URL ? { SEEN_DB: file, SEEN_DATABASE_URL: TEST_DATABASE_URL, SEEN_DATABASE_SCHEMA: schemaFor(file) } : { SEEN_DB: file };
}

/** The `--db` a `seen` command run by a test needs for that database: the file, or the server's URL naming its schema. */
export function dbArgs(file: string): string[] {
  if (!TEST_DATABASE_URL) return ['--db', file];
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schemaFor(file));
  return ['--db', url.toString()];
}

/**
 * What is wrong with the database's structure (empty when nothing): SQLite's integrity and foreign-key checks; on
 * PostgreSQL, which enforces foreign keys itself, any constraint left unvalidated or index left invalid.
 */
export async function integrityProblems(db: Db): Promise<string[]> {
  if (db.dialect.name === 'sqlite') {
    const integrity = (await db.all<{ integrity_check: string }>('PRAGMA integrity_check')).map((r) => r.integrity_check).filter((x) => x !== 'ok');
    const orphans = (await db.all<{ table: string }>('PRAGMA foreign_key_check')).map((r) => `orphan row in ${r.table}`);
    return [...integrity, ...orphans];
  }
  const constraints = await db.all<{ name: string }>(
    "SELECT conname AS name FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND NOT convalidated");
  const indexes = await db.all<{ name: string }>(
    "SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready)");
  return [...constraints.map((c) => `constraint ${c.name} not validated`), ...indexes.map((i) => `index ${i.name} invalid`)];
}

/** Closes every test database and drops every schema this run made (root after-all hook). */
export async function cleanUpTestDatabases(): Promise<void> {
  for (const db of opened.splice(0)) await db.close();
  if (!TEST_DATABASE_URL || schemas.size === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const schema of new Set(schemas.values())) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    schemas.clear();
    await client.end();
  }
}
