// The SQLite schema as numbered migrations; PRAGMA user_version records how far a database has come.

/** One schema step; statements run in one transaction. */
export interface Migration {
  version: number;
  statements: readonly string[];
}

/** Every migration, oldest first. Append, never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, team TEXT NOT NULL, aad_object_id TEXT UNIQUE
      )`,
      `CREATE TABLE cases (
        ref TEXT PRIMARY KEY, baby_name TEXT NOT NULL, baby_dob TEXT NOT NULL, team TEXT NOT NULL,
        practitioner_id TEXT NOT NULL REFERENCES users(id), open INTEGER NOT NULL, fictional INTEGER NOT NULL
      )`,
      `CREATE INDEX cases_team ON cases(team, open)`,
      `CREATE TABLE men (
        id TEXT PRIMARY KEY, case_ref TEXT NOT NULL REFERENCES cases(ref), name TEXT NOT NULL, role TEXT NOT NULL,
        identified INTEGER NOT NULL, resident INTEGER NOT NULL
      )`,
      `CREATE INDEX men_case ON men(case_ref)`,
      // One row per contact write-up; its versions live in summary_versions.
      `CREATE TABLE summaries (
        id TEXT PRIMARY KEY, case_ref TEXT NOT NULL REFERENCES cases(ref), man_id TEXT NOT NULL REFERENCES men(id),
        contact_date TEXT NOT NULL, seen_status TEXT NOT NULL, latest_version INTEGER NOT NULL, created_at TEXT NOT NULL
      )`,
      `CREATE INDEX summaries_case ON summaries(case_ref, man_id, contact_date)`,
      `CREATE TABLE summary_versions (
        summary_id TEXT NOT NULL REFERENCES summaries(id), version INTEGER NOT NULL, corrects INTEGER,
        author TEXT NOT NULL, created_at TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (summary_id, version)
      )`,
      // Versions are never changed or removed.
      `CREATE TRIGGER summary_versions_no_update BEFORE UPDATE ON summary_versions BEGIN SELECT RAISE(ABORT, 'summary versions are append-only'); END`,
      `CREATE TRIGGER summary_versions_no_delete BEFORE DELETE ON summary_versions BEGIN SELECT RAISE(ABORT, 'summary versions are append-only'); END`,
      // Bot Framework conversation and dialog state (the Storage interface).
      `CREATE TABLE bot_state (key TEXT PRIMARY KEY, etag INTEGER NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL)`,
      // Seen's own Direct Line 3.0 conversations, kept across restarts.
      `CREATE TABLE directline_conversations (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, user_name TEXT, created_at TEXT NOT NULL, next_seq INTEGER NOT NULL DEFAULT 0
      )`,
      `CREATE TABLE directline_activities (
        conversation_id TEXT NOT NULL REFERENCES directline_conversations(id), seq INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      )`,
      `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    ],
  },
];
