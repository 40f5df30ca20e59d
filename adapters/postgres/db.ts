// PostgreSQL behind the Db interface: a node-postgres pool, real transactions, locked migrations, LISTEN/NOTIFY between instances.
import pg from 'pg';
import { DbError, SCHEMA_NAME, type Db, type Executor, type RunResult, type SqlValue } from '../sql/database';
import { latestVersion, SchemaAheadError, SchemaBehindError, type MigrationReport } from '../sql/migrations';
import { POSTGRES_DIALECT } from './dialect';
import { toPgPlaceholders } from './placeholders';
import { MIGRATIONS } from './schema';

const LATEST = latestVersion(MIGRATIONS);
/** Where each database records the migrations it has had. */
const VERSIONS_TABLE = 'seen_schema_migrations';

/** How to reach the database. */
export interface PgOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** The schema Seen's tables live in (created if missing); default `public`. */
  schema?: string | undefined;
  /** Most connections this instance opens; default 10. */
  poolSize?: number | undefined;
  /** Migrate at open (default), or refuse to start when the schema is behind. */
  migrate?: boolean | undefined;
  /** Neither: open the schema as it is (for `seen migrate`). */
  asIs?: boolean | undefined;
  /** Told about connection failures outside any statement (an idle connection dropped by the server). */
  onError?: (err: Error) => void;
}

// Counts and sums come back as int8/numeric; Seen's figures are far below 2^53, so they are read as numbers.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// A statement runner over one pool or one client.
function executor(q: pg.Pool | pg.PoolClient): Executor {
  const query = async (sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> => {
    try {
      return await q.query(toPgPlaceholders(sql), params as unknown[]);
    } catch (cause) {
      throw new DbError('statement failed', { cause });
    }
  };
  return {
    run: async (sql, params = []): Promise<RunResult> => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query(sql, params)).rows as T[],
  };
}

/** A pool of connections shared by every request of this instance; several instances may share the database. */
export class PgDb implements Db {
  readonly dialect = POSTGRES_DIALECT;
  private readonly direct: Executor;
  private closed = false;
  private listener: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly config: pg.ClientConfig,
    readonly schema: string,
    private readonly onError: (err: Error) => void,
  ) {
    this.direct = executor(pool);
  }

  /** Connects, creates the schema if needed, and migrates it unless told not to. */
  static async open(options: PgOptions): Promise<PgDb> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new TypeError(`not a schema name Seen uses: ${schema}`);
    // whileLocked holds one connection while the work it guards uses another.
    if (options.poolSize !== undefined && options.poolSize < 2) throw new TypeError('a PostgreSQL pool needs at least 2 connections');
    const config: pg.ClientConfig = {
      connectionString: options.url,
      application_name: 'seen',
      // Why the timeouts: a statement stuck on a lock, or a transaction left open by a hung instance, must not hold others up.
      options: `-c search_path=${schema} -c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000`,
      types,
    };
    const onError = options.onError ?? (() => undefined);
    const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 });
    pool.on('error', onError); // an idle connection the server dropped; the pool replaces it
    const db = new PgDb(pool, config, schema, onError);
    try {
      // Only a connection check here: opening as-is (a copy's source, `migrate --status`) must not create the schema.
      await db.get('SELECT 1 AS ok').catch((err: unknown) => {
        // Why: "cannot start: statement failed" tells an operator nothing; the server's own reason does (no password in it).
        const reason = ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message;
        const u = new URL(options.url);
        throw new DbError(`cannot open PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}: ${reason}`, { cause: err });
      });
      const current = await db.schemaVersion();
      if (current > LATEST) throw new SchemaAheadError(current, LATEST);
      if (options.asIs) return db;
      if (options.migrate ?? true) await db.migrate();
      else if (current < LATEST) throw new SchemaBehindError(current, LATEST);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return db;
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.direct.run(sql, params);
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.direct.get<T>(sql, params);
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  // One pooled connection for work that must stay on it (a transaction, a session lock).
  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (cause) {
      throw new DbError('cannot reach the database', { cause });
    }
  }

  /** Runs fn on one pooled connection between BEGIN and COMMIT; any error rolls back and is rethrown. */
  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    const client = await this.connect();
    // A connection whose ROLLBACK failed is in an unknown state: it is destroyed rather than returned to the pool.
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => {
        broken = rollbackErr;
        this.onError(rollbackErr); // the error below is what the caller needs; this one is for the logs
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Holds a session advisory lock on one pooled connection while fn runs on others. Why: two instances starting
   * together on an empty database would both seed the demo data (or both run retention) without it.
   */
  async whileLocked<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.connect();
    const key = `seen:${this.schema}:${name}`;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      client.release();
    }
  }

  /** Listens on one dedicated connection (reconnecting if it drops); resolves once LISTEN is in place. */
  async listen(channel: string, onNotice: (payload: string) => void): Promise<() => Promise<void>> {
    const name = this.channel(channel);
    const set = this.handlers.get(name) ?? new Set();
    this.handlers.set(name, set);
    set.add(onNotice);
    const client = await this.listenerClient();
    if (set.size === 1) await client.query(`LISTEN "${name}"`);
    return async () => {
      set.delete(onNotice);
      if (set.size === 0 && this.listener && !this.closed) await (await this.listener).query(`UNLISTEN "${name}"`);
    };
  }

  // Channels are per database, so each schema gets its own (as the dialect's pg_notify names it): other schemas' instances never wake each other.
  private channel(channel: string): string {
    return `${this.schema}.${channel}`;
  }

  // The LISTEN connection, opened once on first use; if the server drops it, a new one re-listens to every channel.
  private listenerClient(): Promise<pg.Client> {
    this.listener ??= (async () => {
      const client = new pg.Client(this.config);
      client.on('notification', (n) => {
        for (const h of this.handlers.get(n.channel) ?? []) h(n.payload ?? '');
      });
      client.on('error', (err) => {
        this.onError(err);
        this.listener = undefined;
        if (!this.closed) setTimeout(() => void this.relisten(), 500).unref();
      });
      await client.connect();
      return client;
    })();
    return this.listener;
  }

  // After a dropped LISTEN connection: listen again on every channel that still has handlers.
  private async relisten(): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.listenerClient();
      for (const [name, set] of this.handlers) if (set.size) await client.query(`LISTEN "${name}"`);
    } catch (err) {
      this.onError(err as Error);
      this.listener = undefined;
      if (!this.closed) setTimeout(() => void this.relisten(), 2000).unref();
    }
  }

  /** The newest migration recorded in this schema (0 when none). */
  async schemaVersion(): Promise<number> {
    const table = await this.get<{ t: string | null }>('SELECT to_regclass(?) AS t', [`${this.schema}.${VERSIONS_TABLE}`]);
    if (!table?.t) return 0;
    return (await this.get<{ v: number | null }>(`SELECT max(version) AS v FROM ${VERSIONS_TABLE}`))?.v ?? 0;
  }

  /**
   * Brings the schema to the newest version, one transaction per migration (PostgreSQL's DDL is transactional).
   * Why the advisory lock: two instances starting together would otherwise both apply the same migration.
   */
  async migrate(): Promise<MigrationReport> {
    const from = await this.schemaVersion();
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      await this.transaction(async (tx) => {
        await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [`seen:${this.schema}`]);
        await tx.run(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
        await tx.run(`CREATE TABLE IF NOT EXISTS ${VERSIONS_TABLE} (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`);
        if (await tx.get(`SELECT 1 FROM ${VERSIONS_TABLE} WHERE version = ?`, [m.version])) return;
        for (const stmt of m.statements) await tx.run(stmt);
        await tx.run(`INSERT INTO ${VERSIONS_TABLE} (version, applied_at) VALUES (?, ?)`, [m.version, new Date().toISOString()]);
        applied.push(m.version);
      });
    }
    return { from, to: Math.max(from, applied.at(-1) ?? 0), applied };
  }

  /** Ends the listener and the pool; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await listener.then((c) => c.end()).catch((err: Error) => this.onError(err)); // already dropped: nothing left to end
    await this.pool.end();
  }
}
