// Picks the backend: PostgreSQL when a database URL is configured, otherwise the SQLite file. Nothing above adapters/ knows which.
import type { Db } from './sql/database';
import { PgDb } from './postgres/db';
import { SqliteDb } from './sqlite/db';

/** Where Seen keeps its records and conversation state. */
export interface DatabaseTarget {
  /** postgres://… ; when set, PostgreSQL is used and `file` is ignored. */
  url?: string | undefined;
  /** The SQLite file (or `:memory:`). */
  file: string;
  /** PostgreSQL schema; default `public`. */
  schema?: string | undefined;
  /** PostgreSQL connections per instance. */
  poolSize?: number | undefined;
  /** Migrate at open (default) or refuse to start when the schema is behind. */
  migrate?: boolean;
  /** Neither migrate nor refuse: open the schema as it is (for `seen migrate` itself). */
  asIs?: boolean;
  /** Told about PostgreSQL connection failures outside any statement. */
  onError?: (err: Error) => void;
}

/** Opens (and by default migrates) the configured database. */
export function openDatabase(target: DatabaseTarget): Promise<Db> {
  if (target.url) {
    return PgDb.open({ url: target.url, schema: target.schema, poolSize: target.poolSize, migrate: target.migrate, asIs: target.asIs, onError: target.onError });
  }
  return SqliteDb.open(target.file, { migrate: target.migrate, asIs: target.asIs });
}

/** Names the database for logs and CLI output without its password: `postgresql host:port/db (schema s)` or `sqlite <file>`. */
export function describeDatabase(target: DatabaseTarget): string {
  if (!target.url) return `sqlite ${target.file}`;
  const u = new URL(target.url);
  return `postgresql ${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname} (schema ${target.schema ?? 'public'})`;
}
