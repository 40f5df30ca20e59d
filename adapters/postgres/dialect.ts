// PostgreSQL's answers to the statements that differ between backends.
import { APPENDED_CHANNEL, type Dialect } from '../sql/database';

/** PostgreSQL: an identity column orders men; appends take the conversation row's lock through next_seq and notify other instances. */
export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  insertionOrder: 'seq',
  // Why next_seq rather than MAX(seq) + 1: the UPDATE locks the conversation row, so two instances appending to one
  // conversation at once take turns instead of both picking the same seq. One statement, as on SQLite; its pg_notify is
  // delivered on commit to every instance listening on this schema's channel (PgDb.listen), waking their WebSockets.
  // The id is spliced into the JSON text rather than set through jsonb: jsonb refuses a body whose strings escape U+0000,
  // which Direct Line must still store (SQLite's json_set accepts it). Bodies are JSON.stringify'd objects without an id.
  appendActivity: `WITH n AS (
    UPDATE directline_conversations SET next_seq = next_seq + 1 WHERE id = ?1 RETURNING id, next_seq - 1 AS seq
  ), ins AS (
    INSERT INTO directline_activities (conversation_id, seq, body)
    SELECT n.id, n.seq, '{"id":' || to_json(n.id || '|' || lpad(n.seq::text, 7, '0'))::text || CASE WHEN ?2 = '{}' THEN '}' ELSE ',' || substr(?2, 2) END
    FROM n
    RETURNING conversation_id, seq
  )
  SELECT seq, pg_notify(current_schema() || '.${APPENDED_CHANNEL}', conversation_id) AS notified FROM ins`,
  // GENERATED ALWAYS identity columns refuse explicit values unless told; the sequence then still starts at 1, hence syncIdentity.
  explicitIdentity: 'OVERRIDING SYSTEM VALUE',
  // setval(…, NULL) on an empty table does nothing (setval is strict), so the sequence stays where it was.
  syncIdentity: (table, column) => `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), max(${column})) FROM ${table}`,
  // READ COMMITTED would let each statement see a different moment; READ ONLY also guarantees the source is not written.
  readSnapshot: 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY',
};
