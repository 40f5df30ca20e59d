// DDL both backends run word for word (the SQL both dialects accept), so each schema spreads it instead of copying it.
import { COVERAGE_DOMAIN_COLUMNS } from './columns';

/** Migration 6 (issue 17): the coverage audit column, actions agreed and the trend's per-man, per-month projection; each backend adds its triggers. */
export const COVERAGE_ACTIONS_AND_MONTHS: readonly string[] = [
  `ALTER TABLE audit_log ADD COLUMN team TEXT`,
  `CREATE INDEX audit_log_team ON audit_log(team, seq)`,
  // Actions agreed, with an owner and an optional due date (issue 17.6): a projection of the summary bodies kept by a trigger.
  `CREATE TABLE action_items (
    id TEXT PRIMARY KEY, summary_id TEXT NOT NULL REFERENCES summaries(id), case_ref TEXT NOT NULL, man_id TEXT NOT NULL,
    text TEXT NOT NULL, owner_id TEXT NOT NULL, due_on TEXT, done_on TEXT, done_summary_id TEXT
  )`,
  `CREATE INDEX action_items_case ON action_items(case_ref, done_on, due_on)`,
  `CREATE INDEX action_items_man ON action_items(man_id, done_on)`,
  // The trend's projection (issue 17.7): one row per man and calendar month with a contact, rebuilt for a man whenever
  // his coverage facts change, so a trend never groups every contact of the partnership.
  `CREATE TABLE coverage_months (
    man_id TEXT NOT NULL, month TEXT NOT NULL, case_ref TEXT NOT NULL, seen INTEGER NOT NULL,
    ${COVERAGE_DOMAIN_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', ')}, crying INTEGER NOT NULL, info INTEGER NOT NULL,
    PRIMARY KEY (man_id, month)
  )`,
  `CREATE INDEX coverage_months_month ON coverage_months(month)`,
];

/** Migration 7 (issue 12): web sessions shared by every instance, and the Direct Line tokens issued (so sign-out and refresh retire them). */
export const SESSIONS_AND_TOKENS: readonly string[] = [
  // sid_hash: the SHA-256 of the cookie's session id, so a copy of the table holds no usable cookie.
  `CREATE TABLE web_sessions (
    sid_hash TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at TEXT NOT NULL, ends_at TEXT NOT NULL
  )`,
  `CREATE INDEX web_sessions_expiry ON web_sessions(expires_at)`,
  `CREATE TABLE directline_tokens (
    jti TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, session_hash TEXT, expires_at TEXT NOT NULL, retired INTEGER NOT NULL
  )`,
  `CREATE INDEX directline_tokens_session ON directline_tokens(session_hash)`,
  `CREATE INDEX directline_tokens_expiry ON directline_tokens(expires_at)`,
];

/** Migration 8 (issue 17): the trend reads whole months from one covering index, so the partnership trend never touches
 * the table; the plain month index it replaces is its prefix. */
export const COVERAGE_TREND_INDEX: readonly string[] = [
  `CREATE INDEX coverage_months_trend ON coverage_months(month, seen, ${COVERAGE_DOMAIN_COLUMNS.join(', ')}, crying, info)`,
  `DROP INDEX coverage_months_month`,
];
