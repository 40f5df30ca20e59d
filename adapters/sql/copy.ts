// Copies one Seen database into another, either backend to either: every table in foreign-key order, rows verbatim,
// in one target transaction, read from one moment of the source. Written against the Db interface and dialect fields only.
import type { AuditContext } from '../../records/audit';
import { SqlAuditLog } from './audit-log';
import { TABLES } from './columns';
import type { Db, Dialect, Executor, SqlValue } from './database';

/** One of Seen's tables. */
export type Table = (typeof TABLES)[number];
/** Rows per table. */
export type TableCounts = Record<Table, number>;

/** Why a copy was refused or undone; the message names tables and counts, never a record's contents. */
export class CopyError extends Error {
  constructor(
    message: string,
    readonly reason: 'source-schema' | 'retention-running' | 'target-not-empty' | 'mismatch',
  ) {
    super(message);
    this.name = 'CopyError';
  }
}

/** Tables not copied row for row: coverage_facts, coverage_months and action_items are rebuilt by the target's summary_versions triggers; retention_gate is empty outside a retention run. */
const NOT_COPIED: ReadonlySet<Table> = new Set<Table>(['coverage_facts', 'coverage_months', 'action_items', 'retention_gate']);

/** The tables copied row for row, parents first. */
export const COPIED_TABLES: readonly Table[] = TABLES.filter((t) => !NOT_COPIED.has(t));

// The order each table is read in (and the key it is paged by): its primary key, except men, read in insertion order
// so the target lists a case's men as the source does. summary_versions by version, so each summary's newest version is
// inserted last and the coverage trigger leaves the newest projection.
const KEYS: Record<Table, readonly string[] | 'insertion'> = {
  users: ['id'], cases: ['ref'], men: 'insertion', summaries: ['id'], summary_versions: ['summary_id', 'version'],
  coverage_facts: ['summary_id'], coverage_months: ['man_id', 'month'], action_items: ['id'], supervision_discussions: ['id'], audit_log: ['seq'], retention_gate: ['opened_at'],
  bot_state: ['key'], directline_conversations: ['id'], directline_activities: ['conversation_id', 'seq'], settings: ['key'],
  web_sessions: ['sid_hash'], directline_tokens: ['jti'],
};

/** Columns whose values are identities on PostgreSQL (integer keys on SQLite); copied as they are, then the generator moved past them. */
const IDENTITIES: ReadonlyArray<[Table, string]> = [['supervision_discussions', 'id'], ['audit_log', 'seq']];

/** Rows read from the source per page. */
const PAGE_ROWS = 2000;
/** Bound parameters per INSERT: SQLite's limit (PostgreSQL allows 65,535). */
const MAX_PARAMS = 32_766;
/** Roughly the most text one INSERT carries, so large summary bodies do not build one enormous statement. */
const MAX_BATCH_CHARS = 4_000_000;

// Directline conversations whose next_seq is not past their last activity (SQLite never advances it; PostgreSQL's append reads it).
const ADVANCE_NEXT_SEQ = `UPDATE directline_conversations
  SET next_seq = (SELECT MAX(a.seq) + 1 FROM directline_activities a WHERE a.conversation_id = directline_conversations.id)
  WHERE next_seq <= (SELECT MAX(a.seq) FROM directline_activities a WHERE a.conversation_id = directline_conversations.id)`;

type Row = Record<string, SqlValue>;

/** Counts every table's rows. */
export async function countRows(db: Executor): Promise<TableCounts> {
  const counts = {} as TableCounts;
  for (const t of TABLES) counts[t] = Number((await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))?.n ?? 0);
  return counts;
}

/** The tables that hold rows. */
export function nonEmptyTables(counts: TableCounts): Table[] {
  return TABLES.filter((t) => counts[t] > 0);
}

/** Refuses a source a retention run is in the middle of (its gate would be copied open). */
function checkSource(counts: TableCounts): void {
  if (counts.retention_gate > 0) throw new CopyError('a retention run is in progress on the source (retention_gate is open); try again when it has finished', 'retention-running');
}

/** Runs fn over one unchanging moment of the source (its transaction; REPEATABLE READ, read-only, where the backend needs it said). */
function readingSource<T>(source: Db, fn: (src: Executor) => Promise<T>): Promise<T> {
  return source.transaction(async (src) => {
    if (source.dialect.readSnapshot) await src.run(source.dialect.readSnapshot);
    return fn(src);
  });
}

/** What a copy would move: the source's row counts, after the same checks the copy makes. Writes nothing. */
export async function planCopy(source: Db): Promise<TableCounts> {
  return readingSource(source, async (src) => {
    const counts = await countRows(src);
    checkSource(counts);
    return counts;
  });
}

/** What a copy did: rows per table on each side (the target's counted before the copy's own audit entry). */
export interface CopyReport {
  source: TableCounts;
  target: TableCounts;
  /** The target's audit entry recording the copy, when one was asked for. */
  auditSeq?: number;
}

/** Options for a copy. */
export interface CopyOptions {
  /** Recorded as a `database.copy` entry in the target's audit trail, inside the copy's transaction. */
  audit?: { context: AuditContext; now: () => Date };
}

/**
 * Copies every table of `source` into the empty, migrated `target` in one transaction: all or nothing. Refuses a
 * source at another schema version or mid-retention, and a target with any rows; undoes the copy if any table's
 * count or the rebuilt coverage projection differs from the source's.
 */
export async function copyDatabase(source: Db, target: Db, options: CopyOptions = {}): Promise<CopyReport> {
  const [from, to] = [await source.schemaVersion(), await target.schemaVersion()];
  if (from !== to) throw new CopyError(`the source is at schema version ${from}, the target at ${to}: run \`seen migrate\` on the source first`, 'source-schema');
  return readingSource(source, async (src) => {
    const before = await countRows(src);
    checkSource(before);
    return target.transaction(async (tx) => {
      // Checked again inside the transaction: the target may have been written since the caller looked.
      const busy = nonEmptyTables(await countRows(tx));
      if (busy.length) throw new CopyError(`the target is not empty (${busy.join(', ')} hold rows); copy into a new database`, 'target-not-empty');
      for (const table of COPIED_TABLES) await copyTable(src, source.dialect, tx, target.dialect, table);
      for (const [table, column] of IDENTITIES) {
        const sql = target.dialect.syncIdentity(table, column);
        if (sql) await tx.run(sql);
      }
      await tx.run(ADVANCE_NEXT_SEQ);
      const after = await countRows(tx);
      const differ = TABLES.filter((t) => after[t] !== before[t]);
      if (differ.length) throw new CopyError(`row counts differ after the copy (${differ.join(', ')}); nothing was written`, 'mismatch');
      const projection = await coverageDifferences(src, tx);
      if (projection) throw new CopyError(`the target's coverage projection differs from the source's for ${projection} summaries; nothing was written`, 'mismatch');
      const report: CopyReport = { source: before, target: after };
      if (options.audit) {
        const total = COPIED_TABLES.reduce((n, t) => n + before[t], 0);
        report.auditSeq = await new SqlAuditLog(tx).append({
          at: options.audit.now().toISOString(), ...options.audit.context, operation: 'database.copy', outcome: 'ok',
          detail: `from:${source.dialect.name}:rows:${total}`,
        });
      }
      return report;
    });
  });
}

// Copies one table page by page (keyset paging in the table's order), each page as a few multi-row INSERTs.
async function copyTable(src: Executor, from: Dialect, tx: Executor, to: Dialect, table: Table): Promise<void> {
  const spec = KEYS[table];
  const keys = spec === 'insertion' ? [from.insertionOrder] : spec;
  const aliases = keys.map((_, i) => `copy_key${i}`);
  const select = `SELECT ${keys.map((k, i) => `${k} AS ${aliases[i]}`).join(', ')}, * FROM ${table}`;
  const order = ` ORDER BY ${keys.join(', ')} LIMIT ${PAGE_ROWS}`;
  const after = ` WHERE (${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})`;
  const identity = IDENTITIES.some(([t]) => t === table) ? ` ${to.explicitIdentity}` : '';
  let last: SqlValue[] | undefined;
  for (;;) {
    const page = await src.all<Row>(last ? select + after + order : select + order, last ?? []);
    if (!page.length) return;
    last = aliases.map((a) => page.at(-1)![a]!);
    // Paging keys are the reader's; the source's insertion-order column (PostgreSQL's men.seq) is the target's to assign.
    const rows = page.map((r) => {
      const copy = { ...r };
      for (const a of aliases) delete copy[a];
      if (spec === 'insertion') delete copy[from.insertionOrder];
      return copy;
    });
    await insertRows(tx, table, identity, rows);
    if (page.length < PAGE_ROWS) return;
  }
}

// Inserts rows as few multi-row INSERTs as the parameter limit and batch size allow, in the rows' order.
async function insertRows(tx: Executor, table: Table, identity: string, rows: readonly Row[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  let batch: SqlValue[] = [];
  let count = 0;
  let chars = 0;
  const flush = async () => {
    if (!count) return;
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')})${identity} VALUES ${Array(count).fill(tuple).join(', ')}`, batch);
    batch = [];
    count = 0;
    chars = 0;
  };
  for (const row of rows) {
    const values = columns.map((c) => row[c] ?? null);
    const size = values.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 8), 0);
    if (count && (count >= perStatement || chars + size > MAX_BATCH_CHARS)) await flush();
    batch.push(...values);
    count++;
    chars += size;
  }
  await flush();
}

// How many summaries' coverage rows differ between source and target (compared as canonical JSON, keyed by summary).
async function coverageDifferences(src: Executor, tx: Executor): Promise<number> {
  const canonical = async (db: Executor) =>
    new Map((await db.all<Row>('SELECT * FROM coverage_facts')).map((r) => [String(r.summary_id), JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]))]));
  const [a, b] = [await canonical(src), await canonical(tx)];
  let differ = 0;
  for (const id of new Set([...a.keys(), ...b.keys()])) if (a.get(id) !== b.get(id)) differ++;
  return differ;
}
