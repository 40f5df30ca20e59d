// The SQLite schema as numbered migrations; PRAGMA user_version records how far a database has come.
import { COVERAGE_DOMAIN_COLUMNS, factorBitSql, statusScoreSql } from '../sql/columns';
import type { Migration } from '../sql/migrations';
import { COVERAGE_ACTIONS_AND_MONTHS, COVERAGE_TREND_INDEX, SESSIONS_AND_TOKENS } from '../sql/shared-ddl';

// The INSERT … SELECT that projects one summary version's JSON body into coverage_facts.
function coverageFactsInsert(id: string, body: string): string {
  const status = (c: string) => statusScoreSql(`json_extract(${body}, '$.domains.${c.slice(2)}.status')`);
  return `INSERT OR REPLACE INTO coverage_facts (summary_id, case_ref, man_id, contact_date, seen, ${COVERAGE_DOMAIN_COLUMNS.join(', ')}, crying, info, factors)
    SELECT ${id}, json_extract(${body}, '$.caseRef'), json_extract(${body}, '$.manId'), json_extract(${body}, '$.contact.date'),
      json_extract(${body}, '$.contact.seenStatus') IN ('seen', 'spoken_to'), ${COVERAGE_DOMAIN_COLUMNS.map(status).join(', ')},
      coalesce(json_array_length(${body}, '$.cryingMessages'), 0),
      coalesce(json_array_length(${body}, '$.infoSought.agencies'), 0) > 0 OR json_extract(${body}, '$.infoSought.consentGiven') IS 1,
      (SELECT coalesce(sum(DISTINCT ${factorBitSql('value')}), 0) FROM json_each(${body}, '$.factors'))`;
}

// One man's (or, with null, every man's) coverage facts folded into one row per calendar month, for coverage_months.
function monthsSelect(man: string | null): string {
  const own = COVERAGE_DOMAIN_COLUMNS.map((c) => `max(CASE WHEN ${c} = 2 THEN 1 ELSE 0 END)`).join(', ');
  return `(man_id, month, case_ref, seen, ${COVERAGE_DOMAIN_COLUMNS.join(', ')}, crying, info)
    SELECT man_id, substr(contact_date, 1, 7), max(case_ref), max(seen), ${own}, max(CASE WHEN crying > 0 THEN 1 ELSE 0 END), max(info)
    FROM coverage_facts ${man ? `WHERE man_id = ${man} ` : ''}GROUP BY man_id, substr(contact_date, 1, 7)`;
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
  // Coverage (issue 5): a per-summary projection kept by a trigger, supervision discussions, and the indexes the reports use.
  {
    version: 2,
    statements: [
      `CREATE TABLE coverage_facts (
        summary_id TEXT PRIMARY KEY REFERENCES summaries(id), case_ref TEXT NOT NULL, man_id TEXT NOT NULL, contact_date TEXT NOT NULL,
        seen INTEGER NOT NULL, ${COVERAGE_DOMAIN_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', ')},
        crying INTEGER NOT NULL, info INTEGER NOT NULL, factors INTEGER NOT NULL
      )`,
      `CREATE INDEX coverage_facts_man ON coverage_facts(man_id, contact_date)`,
      // Each new version replaces its summary's facts, so the projection always holds the latest version.
      `CREATE TRIGGER summary_versions_coverage AFTER INSERT ON summary_versions BEGIN ${coverageFactsInsert('NEW.summary_id', 'NEW.body')}; END`,
      `${coverageFactsInsert('v.summary_id', 'v.body')} FROM summaries s JOIN summary_versions v ON v.summary_id = s.id AND v.version = s.latest_version`,
      `CREATE TABLE supervision_discussions (
        id INTEGER PRIMARY KEY, case_ref TEXT NOT NULL REFERENCES cases(ref), man_id TEXT NOT NULL REFERENCES men(id),
        recorded_by TEXT NOT NULL REFERENCES users(id), discussed_on TEXT NOT NULL, created_at TEXT NOT NULL
      )`,
      `CREATE INDEX supervision_discussions_man ON supervision_discussions(man_id, discussed_on)`,
      `CREATE INDEX cases_open_team ON cases(open, team, practitioner_id)`,
    ],
  },
  // Safety (issue 6): the append-only audit trail; retention may remove fictional cases' versions, never real ones.
  {
    version: 3,
    statements: [
      `CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, path TEXT NOT NULL, operation TEXT NOT NULL,
        outcome TEXT NOT NULL, case_ref TEXT, man_id TEXT, summary_id TEXT, version INTEGER, detail TEXT
      )`,
      `CREATE INDEX audit_log_case ON audit_log(case_ref, seq)`,
      `CREATE INDEX audit_log_man ON audit_log(man_id, seq)`,
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`,
      // Versions stay undeletable, except a fictional case's inside a retention run (which opens the gate in its own transaction).
      `CREATE TABLE retention_gate (opened_at TEXT NOT NULL)`,
      `DROP TRIGGER summary_versions_no_delete`,
      `CREATE TRIGGER summary_versions_no_delete BEFORE DELETE ON summary_versions
        WHEN NOT (EXISTS (SELECT 1 FROM retention_gate)
          AND EXISTS (SELECT 1 FROM summaries s JOIN cases c ON c.ref = s.case_ref WHERE s.id = OLD.summary_id AND c.fictional = 1))
        BEGIN SELECT RAISE(ABORT, 'summary versions are append-only'); END`,
      // So a real case can never be made deletable by flipping it to fictional.
      `CREATE TRIGGER cases_fictional_fixed BEFORE UPDATE OF fictional ON cases WHEN NEW.fictional IS NOT OLD.fictional
        BEGIN SELECT RAISE(ABORT, 'a case cannot change between fictional and real'); END`,
    ],
  },
  // Users administration (issue 12): a disabled user keeps their rows (authorship, audit) but is refused on every path.
  {
    version: 4,
    statements: [
      `ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0`,
    ],
  },
  // Hardening (issue 13): a summaries row changes only by a correction (latest_version + 1, with the contact's date and
  // status), and goes only with its fictional case in a retention run, as its versions do.
  {
    version: 5,
    statements: [
      `CREATE TRIGGER summaries_advance_only BEFORE UPDATE ON summaries
        WHEN NEW.id IS NOT OLD.id OR NEW.case_ref IS NOT OLD.case_ref OR NEW.man_id IS NOT OLD.man_id
          OR NEW.created_at IS NOT OLD.created_at OR NEW.latest_version IS NOT OLD.latest_version + 1
        BEGIN SELECT RAISE(ABORT, 'a summary only advances to its next version'); END`,
      `CREATE TRIGGER summaries_no_delete BEFORE DELETE ON summaries
        WHEN NOT (EXISTS (SELECT 1 FROM retention_gate) AND EXISTS (SELECT 1 FROM cases c WHERE c.ref = OLD.case_ref AND c.fictional = 1))
        BEGIN SELECT RAISE(ABORT, 'summaries are kept'); END`,
    ],
  },
  // Coverage (issue 17): reads of a team's figures are audited with the team.
  {
    version: 6,
    statements: [
      ...COVERAGE_ACTIONS_AND_MONTHS,
      `CREATE TRIGGER coverage_facts_months AFTER INSERT ON coverage_facts BEGIN
        DELETE FROM coverage_months WHERE man_id = NEW.man_id;
        INSERT INTO coverage_months ${monthsSelect('NEW.man_id')};
      END`,
      `INSERT INTO coverage_months ${monthsSelect(null)}`,
      `CREATE TRIGGER summary_versions_actions AFTER INSERT ON summary_versions BEGIN
        DELETE FROM action_items WHERE summary_id = NEW.summary_id AND id NOT IN (SELECT json_extract(value, '$.id') FROM json_each(NEW.body, '$.actionItems'));
        INSERT INTO action_items (id, summary_id, case_ref, man_id, text, owner_id, due_on)
          SELECT json_extract(value, '$.id'), NEW.summary_id, json_extract(NEW.body, '$.caseRef'), json_extract(NEW.body, '$.manId'),
            json_extract(value, '$.text'), json_extract(value, '$.ownerId'), json_extract(value, '$.dueOn')
          FROM json_each(NEW.body, '$.actionItems') WHERE true
          ON CONFLICT (id) DO UPDATE SET text = excluded.text, owner_id = excluded.owner_id, due_on = excluded.due_on;
        UPDATE action_items SET done_on = json_extract(NEW.body, '$.contact.date'), done_summary_id = NEW.summary_id
          WHERE id IN (SELECT value FROM json_each(NEW.body, '$.actionsDone')) AND (done_summary_id IS NULL OR done_summary_id = NEW.summary_id);
      END`,
    ],
  },
  // Sign-in (issue 12): web sessions shared by every instance, and the Direct Line tokens issued (so sign-out and refresh retire them).
  {
    version: 7,
    statements: [
      ...SESSIONS_AND_TOKENS,
    ],
  },
  // Coverage (issue 17): the trend answered from a covering index (the partnership report's time budget).
  {
    version: 8,
    statements: [
      ...COVERAGE_TREND_INDEX,
    ],
  },
];
