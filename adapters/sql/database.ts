// The one database interface Seen's repositories are written against; SQLite and PostgreSQL each implement it.
import type { MigrationReport } from './migrations';

/** A PostgreSQL schema name Seen will put into SQL: a plain lower-case identifier (it is interpolated, never bound). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** A database URL that selects PostgreSQL. */
export const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;

/** A value either backend can bind. */
export type SqlValue = string | number | bigint | null | Buffer;

/** What a statement reports after a write. */
export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** The statement runner handed to callers, both inside and outside a transaction; SQL uses `?` placeholders. */
export interface Executor {
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

/**
 * The few statements that cannot be written once for both backends. Why here: everything above `adapters/` and every
 * repository in `adapters/sql/` stays dialect-free; a backend supplies these alongside its migrations.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** A column that orders a table's rows by insertion (men are listed in the order they were added). */
  readonly insertionOrder: string;
  /**
   * Appends one Direct Line activity at the conversation's next seq with its id set in the JSON, in one statement;
   * params [conversationId, bodyJson]; returns `seq`, or no row when the conversation is unknown. A backend shared by
   * several instances also announces the conversation id on APPENDED_CHANNEL when the statement's transaction commits.
   */
  readonly appendActivity: string;
  /**
   * Written between an INSERT's column list and VALUES when the rows carry their own identity values (copying a
   * database keeps audit seqs and discussion ids); empty where an integer key accepts any value.
   */
  readonly explicitIdentity: string;
  /**
   * The statement that moves `table.column`'s identity generator past the largest value in the table, after rows were
   * inserted with explicit ids; null where the backend takes max + 1 by itself.
   */
  readonly syncIdentity: (table: string, column: string) => string | null;
  /** The first statement of a transaction that only reads and must see one moment of the database (null where every transaction does). */
  readonly readSnapshot: string | null;
}

/** Channel on which a backend shared by several instances announces Direct Line appends. */
export const APPENDED_CHANNEL = 'seen_directline_appended';

/** A database: statements, transactions, migrations, cross-instance notices, close. */
export interface Db extends Executor {
  readonly dialect: Dialect;
  /** The schema version the database is at (0 when empty). */
  schemaVersion(): Promise<number>;
  /** Brings the schema to this Seen's newest version; safe when several instances start at once. */
  migrate(): Promise<MigrationReport>;
  /** Runs fn in one transaction; any error rolls back and is rethrown. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Runs fn while holding a lock named `name` that every instance on this database respects (start-up seeding, retention). */
  whileLocked<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Hears notices on `channel` from every instance (none on a single-process backend); resolves once listening, with a function that stops. */
  listen(channel: string, onNotice: (payload: string) => void): Promise<() => Promise<void>>;
  /** Closes after queued work finishes; closing twice is harmless. */
  close(): Promise<void>;
}

/** A database failure, carrying the driver's error as its cause. */
export class DbError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'DbError';
  }
}
