// SQLite's answers to the statements that differ between backends.
import type { Dialect } from '../sql/database';

/** SQLite: rowid orders rows by insertion; the activity id is set inside the JSON with json_set. */
export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  insertionOrder: 'rowid',
  // Why one statement: appends are most of the statements a turn runs, and every statement is a round trip on the serialised queue.
  appendActivity: `INSERT INTO directline_activities (conversation_id, seq, body)
  SELECT c.id, n.seq, json_set(?2, '$.id', c.id || '|' || printf('%07d', n.seq))
  FROM directline_conversations c, (SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM directline_activities WHERE conversation_id = ?1) n
  WHERE c.id = ?1
  RETURNING seq`,
  // An INTEGER PRIMARY KEY takes any value, and the next one is max + 1 (AUTOINCREMENT's counter follows explicit values too).
  explicitIdentity: '',
  syncIdentity: () => null,
  // BEGIN IMMEDIATE holds the write lock, so nothing changes underneath a reading transaction.
  readSnapshot: null,
};
