// SQLite behind the Db interface: one sqlite3 connection, serialised statements, real transactions, migrations.
import sqlite3 from 'sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './schema';
import { DbError, type Db, type Executor, type RunResult, type SqlValue } from '../sql/database';
import { SQLITE_DIALECT } from './dialect';
import { latestVersion, SchemaAheadError, SchemaBehindError, type MigrationReport } from '../sql/migrations';

const LATEST = latestVersion(MIGRATIONS);

/**
 * Creates the database's folders (0700) and the file itself (0600) before SQLite opens it, and tightens an existing
 * file to 0600. Why: SQLite creates files 0644 under the usual umask, and the file holds case data and the Direct Line
 * signing secret; SQLite gives its -wal and -shm files the main file's mode, so they follow.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** -wal and -shm left by an older Seen (or made before the main file was tightened) are tightened too. */
function tightenSidecars(file: string): void {
  for (const sidecar of [`${file}-wal`, `${file}-shm`]) if (existsSync(sidecar)) chmodSync(sidecar, 0o600);
}

/** One connection, one queue: transactions never interleave with other statements. One process per file. */
export class SqliteDb implements Db {
  readonly dialect = SQLITE_DIALECT;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly direct: Executor;

  private constructor(private readonly conn: sqlite3.Database) {
    this.direct = {
      run: (sql, params = []) =>
        new Promise<RunResult>((resolve, reject) => {
          conn.run(sql, params as SqlValue[], function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(new DbError('statement failed', { cause: err }));
            else resolve({ changes: this.changes });
          });
        }),
      get: <T>(sql: string, params: readonly SqlValue[] = []) =>
        new Promise<T | undefined>((resolve, reject) => {
          conn.get(sql, params as SqlValue[], (err: Error | null, row: T | undefined) =>
            err ? reject(new DbError('query failed', { cause: err })) : resolve(row),
          );
        }),
      all: <T>(sql: string, params: readonly SqlValue[] = []) =>
        new Promise<T[]>((resolve, reject) => {
          conn.all(sql, params as SqlValue[], (err: Error | null, rows: T[]) =>
            err ? reject(new DbError('query failed', { cause: err })) : resolve(rows),
          );
        }),
    };
  }

  /** Opens (creating if needed) the file, turns on WAL and foreign keys, and migrates the schema unless told not to. */
  static async open(file: string, options: { migrate?: boolean | undefined; asIs?: boolean | undefined } = {}): Promise<SqliteDb> {
    if (file !== ':memory:') createPrivately(file);
    const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
      const c = new sqlite3.Database(file, (err) => (err ? reject(new DbError(`cannot open database`, { cause: err })) : resolve(c)));
    });
    const db = new SqliteDb(conn);
    await db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;');
    if (file !== ':memory:') tightenSidecars(file);
    const current = await db.schemaVersion();
    if (current > LATEST) throw new SchemaAheadError(current, LATEST);
    if (options.asIs) return db;
    if (options.migrate ?? true) await db.migrate();
    else if (current < LATEST) throw new SchemaBehindError(current, LATEST);
    return db;
  }

  /** Runs statements in order, one at a time, so a transaction elsewhere never sees them. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.enqueue(() => this.direct.run(sql, params));
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.enqueue(() => this.direct.get<T>(sql, params));
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.enqueue(() => this.direct.all<T>(sql, params));
  }

  /** Runs a multi-statement script (schema, pragmas). */
  exec(sql: string): Promise<void> {
    return this.enqueue(
      () => new Promise<void>((resolve, reject) => this.conn.exec(sql, (err) => (err ? reject(new DbError('script failed', { cause: err })) : resolve()))),
    );
  }

  /** Runs fn inside BEGIN IMMEDIATE … COMMIT; any error rolls back and is rethrown. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.direct.run('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        await this.direct.run('COMMIT');
        return result;
      } catch (err) {
        await this.direct.run('ROLLBACK');
        throw err;
      }
    });
  }

  /** No other instance to wait for: one process owns a SQLite file. */
  whileLocked<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  /** Nothing to hear: one process owns a SQLite file, and its own listeners are told in-process. */
  async listen(_channel: string, _onNotice: (payload: string) => void): Promise<() => Promise<void>> {
    return async () => {};
  }

  /** The schema version this file is at. */
  async schemaVersion(): Promise<number> {
    return (await this.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  }

  /** Brings the schema to the newest version, one transaction per migration. */
  async migrate(): Promise<MigrationReport> {
    const from = await this.schemaVersion();
    const applied: number[] = [];
    for (const m of MIGRATIONS.filter((x) => x.version > from)) {
      await this.transaction(async (tx) => {
        for (const stmt of m.statements) await tx.run(stmt);
        await tx.run(`PRAGMA user_version = ${m.version}`);
      });
      applied.push(m.version);
    }
    return { from, to: applied.at(-1) ?? from, applied };
  }

  /** Closes the connection after queued statements finish; closing twice is harmless. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.enqueue(() => new Promise<void>((resolve, reject) => this.conn.close((err) => (err ? reject(new DbError('close failed', { cause: err })) : resolve()))));
  }
}
