// The PostgreSQL schema as numbered migrations, version for version the same tables and columns as SQLite's.
// Integers stand for booleans (0/1) and text for ISO dates and JSON bodies, as in SQLite, so one set of queries serves both.
import { COVERAGE_DOMAIN_COLUMNS, factorBitSql, statusScoreSql } from '../sql/columns';
import type { Migration } from '../sql/migrations';
import { COVERAGE_ACTIONS_AND_MONTHS, COVERAGE_TREND_INDEX, SESSIONS_AND_TOKENS } from '../sql/shared-ddl';

// A trigger function that refuses a change, for the append-only tables.
const refuse = (name: string, message: string): string =>
  `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}' USING ERRCODE = 'restrict_violation'; END $$`;

// The projection of one summary version's JSON body into coverage_facts: the jsonb twin of SQLite's trigger.
function coverageProjection(): string {
  const status = (c: string) => statusScoreSql(`b #>> '{domains,${c.slice(2)},status}'`);
  const arrayLength = (path: string) => `CASE jsonb_typeof(b #> '${path}') WHEN 'array' THEN jsonb_array_length(b #> '${path}') ELSE 0 END`;
  const cols = ['case_ref', 'man_id', 'contact_date', 'seen', ...COVERAGE_DOMAIN_COLUMNS, 'crying', 'info', 'factors'];
  return `CREATE FUNCTION seen_project_coverage(sid TEXT, body TEXT) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE b jsonb := body::jsonb;
    BEGIN
      INSERT INTO coverage_facts (summary_id, ${cols.join(', ')})
      SELECT sid, b ->> 'caseRef', b ->> 'manId', b #>> '{contact,date}',
        CASE WHEN b #>> '{contact,seenStatus}' IN ('seen', 'spoken_to') THEN 1 ELSE 0 END, ${COVERAGE_DOMAIN_COLUMNS.map(status).join(', ')},
        ${arrayLength('{cryingMessages}')},
        CASE WHEN ${arrayLength('{infoSought,agencies}')} > 0 OR b #>> '{infoSought,consentGiven}' = 'true' THEN 1 ELSE 0 END,
        (SELECT coalesce(sum(DISTINCT ${factorBitSql('f')}), 0)
           FROM jsonb_array_elements_text(CASE jsonb_typeof(b -> 'factors') WHEN 'array' THEN b -> 'factors' ELSE '[]'::jsonb END) AS f)
      ON CONFLICT (summary_id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')};
    END $$`;
}

// One man's (or, with null, every man's) coverage facts folded into one row per calendar month, for coverage_months.
function monthsSelect(man: string | null): string {
  const own = COVERAGE_DOMAIN_COLUMNS.map((c) => `max(CASE WHEN ${c} = 2 THEN 1 ELSE 0 END)`).join(', ');
  return `(man_id, month, case_ref, seen, ${COVERAGE_DOMAIN_COLUMNS.join(', ')}, crying, info)
    SELECT man_id, substr(contact_date, 1, 7), max(case_ref), max(seen), ${own}, max(CASE WHEN crying > 0 THEN 1 ELSE 0 END), max(info)
    FROM coverage_facts ${man ? `WHERE man_id = ${man} ` : ''}GROUP BY man_id, substr(contact_date, 1, 7)`;
}

/** Every migration, oldest first. Append, never edit a released one; keep in step with adapters/sqlite/schema.ts. */
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
      // seq stands in for SQLite's rowid: men are listed in the order they were added.
      `CREATE TABLE men (
        id TEXT PRIMARY KEY, case_ref TEXT NOT NULL REFERENCES cases(ref), name TEXT NOT NULL, role TEXT NOT NULL,
        identified INTEGER NOT NULL, resident INTEGER NOT NULL, seq BIGINT GENERATED ALWAYS AS IDENTITY
      )`,
      `CREATE INDEX men_case ON men(case_ref)`,
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
      // Versions are never changed or removed, TRUNCATE included (it skips row triggers).
      refuse('seen_summary_versions_append_only', 'summary versions are append-only'),
      `CREATE TRIGGER summary_versions_no_update BEFORE UPDATE ON summary_versions FOR EACH ROW EXECUTE FUNCTION seen_summary_versions_append_only()`,
      `CREATE TRIGGER summary_versions_no_delete BEFORE DELETE ON summary_versions FOR EACH ROW EXECUTE FUNCTION seen_summary_versions_append_only()`,
      `CREATE TRIGGER summary_versions_no_truncate BEFORE TRUNCATE ON summary_versions FOR EACH STATEMENT EXECUTE FUNCTION seen_summary_versions_append_only()`,
      `CREATE TABLE bot_state (key TEXT PRIMARY KEY, etag INTEGER NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL)`,
      // next_seq is kept here (SQLite takes MAX(seq) + 1): the row lock it takes orders two instances' appends.
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
  {
    version: 2,
    statements: [
      `CREATE TABLE coverage_facts (
        summary_id TEXT PRIMARY KEY REFERENCES summaries(id), case_ref TEXT NOT NULL, man_id TEXT NOT NULL, contact_date TEXT NOT NULL,
        seen INTEGER NOT NULL, ${COVERAGE_DOMAIN_COLUMNS.map((c) => `${c} INTEGER NOT NULL`).join(', ')},
        crying INTEGER NOT NULL, info INTEGER NOT NULL, factors INTEGER NOT NULL
      )`,
      `CREATE INDEX coverage_facts_man ON coverage_facts(man_id, contact_date)`,
      coverageProjection(),
      // Each new version replaces its summary's facts, so the projection always holds the latest version.
      `CREATE FUNCTION seen_summary_versions_project() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM seen_project_coverage(NEW.summary_id, NEW.body); RETURN NEW; END $$`,
      `CREATE TRIGGER summary_versions_coverage AFTER INSERT ON summary_versions FOR EACH ROW EXECUTE FUNCTION seen_summary_versions_project()`,
      `SELECT seen_project_coverage(v.summary_id, v.body) FROM summaries s JOIN summary_versions v ON v.summary_id = s.id AND v.version = s.latest_version`,
      `CREATE TABLE supervision_discussions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_ref TEXT NOT NULL REFERENCES cases(ref), man_id TEXT NOT NULL REFERENCES men(id),
        recorded_by TEXT NOT NULL REFERENCES users(id), discussed_on TEXT NOT NULL, created_at TEXT NOT NULL
      )`,
      `CREATE INDEX supervision_discussions_man ON supervision_discussions(man_id, discussed_on)`,
      `CREATE INDEX cases_open_team ON cases(open, team, practitioner_id)`,
    ],
  },
  {
    version: 3,
    statements: [
      `CREATE TABLE audit_log (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, path TEXT NOT NULL, operation TEXT NOT NULL,
        outcome TEXT NOT NULL, case_ref TEXT, man_id TEXT, summary_id TEXT, version INTEGER, detail TEXT
      )`,
      `CREATE INDEX audit_log_case ON audit_log(case_ref, seq)`,
      `CREATE INDEX audit_log_man ON audit_log(man_id, seq)`,
      refuse('seen_audit_log_append_only', 'audit entries are append-only'),
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION seen_audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION seen_audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION seen_audit_log_append_only()`,
      `CREATE TABLE retention_gate (opened_at TEXT NOT NULL)`,
      // Versions stay undeletable, except a fictional case's inside a retention run (which opens the gate in its own transaction).
      `DROP TRIGGER summary_versions_no_delete ON summary_versions`,
      `CREATE FUNCTION seen_summary_versions_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF EXISTS (SELECT 1 FROM retention_gate)
          AND EXISTS (SELECT 1 FROM summaries s JOIN cases c ON c.ref = s.case_ref WHERE s.id = OLD.summary_id AND c.fictional = 1) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'summary versions are append-only' USING ERRCODE = 'restrict_violation';
      END $$`,
      `CREATE TRIGGER summary_versions_no_delete BEFORE DELETE ON summary_versions FOR EACH ROW EXECUTE FUNCTION seen_summary_versions_guard_delete()`,
      refuse('seen_cases_fictional_fixed', 'a case cannot change between fictional and real'),
      `CREATE TRIGGER cases_fictional_fixed BEFORE UPDATE OF fictional ON cases FOR EACH ROW
        WHEN (NEW.fictional IS DISTINCT FROM OLD.fictional) EXECUTE FUNCTION seen_cases_fictional_fixed()`,
    ],
  },
  // Users administration (issue 12): a disabled user keeps their rows (authorship, audit) but is refused on every path.
  {
    version: 4,
    statements: [
      `ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0`,
    ],
  },
  // Hardening (issue 13): a summaries row changes only by advancing latest_version by one; kept except in a retention run.
  {
    version: 5,
    statements: [
      refuse('seen_summaries_advance_only', 'a summary only advances to its next version'),
      `CREATE TRIGGER summaries_advance_only BEFORE UPDATE ON summaries FOR EACH ROW
        WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.case_ref IS DISTINCT FROM OLD.case_ref OR NEW.man_id IS DISTINCT FROM OLD.man_id
          OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.latest_version IS DISTINCT FROM OLD.latest_version + 1)
        EXECUTE FUNCTION seen_summaries_advance_only()`,
      `CREATE FUNCTION seen_summaries_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF EXISTS (SELECT 1 FROM retention_gate) AND EXISTS (SELECT 1 FROM cases c WHERE c.ref = OLD.case_ref AND c.fictional = 1) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'summaries are kept' USING ERRCODE = 'restrict_violation';
      END $$`,
      `CREATE TRIGGER summaries_no_delete BEFORE DELETE ON summaries FOR EACH ROW EXECUTE FUNCTION seen_summaries_guard_delete()`,
      refuse('seen_summaries_no_truncate', 'summaries are kept'),
      `CREATE TRIGGER summaries_no_truncate BEFORE TRUNCATE ON summaries FOR EACH STATEMENT EXECUTE FUNCTION seen_summaries_no_truncate()`,
    ],
  },
  // Coverage (issue 17): reads of a team's figures are audited with the team.
  {
    version: 6,
    statements: [
      ...COVERAGE_ACTIONS_AND_MONTHS,
      `CREATE FUNCTION seen_coverage_months() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        DELETE FROM coverage_months WHERE man_id = NEW.man_id;
        INSERT INTO coverage_months ${monthsSelect('NEW.man_id')};
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER coverage_facts_months AFTER INSERT OR UPDATE ON coverage_facts FOR EACH ROW EXECUTE FUNCTION seen_coverage_months()`,
      `INSERT INTO coverage_months ${monthsSelect(null)}`,
      `CREATE FUNCTION seen_summary_versions_actions() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE b jsonb := NEW.body::jsonb;
        DECLARE items jsonb := CASE jsonb_typeof(b -> 'actionItems') WHEN 'array' THEN b -> 'actionItems' ELSE '[]'::jsonb END;
        DECLARE done jsonb := CASE jsonb_typeof(b -> 'actionsDone') WHEN 'array' THEN b -> 'actionsDone' ELSE '[]'::jsonb END;
        BEGIN
          DELETE FROM action_items WHERE summary_id = NEW.summary_id AND id NOT IN (SELECT i ->> 'id' FROM jsonb_array_elements(items) AS i);
          INSERT INTO action_items (id, summary_id, case_ref, man_id, text, owner_id, due_on)
            SELECT i ->> 'id', NEW.summary_id, b ->> 'caseRef', b ->> 'manId', i ->> 'text', i ->> 'ownerId', i ->> 'dueOn' FROM jsonb_array_elements(items) AS i
            ON CONFLICT (id) DO UPDATE SET text = excluded.text, owner_id = excluded.owner_id, due_on = excluded.due_on;
          UPDATE action_items SET done_on = b #>> '{contact,date}', done_summary_id = NEW.summary_id
            WHERE id IN (SELECT d FROM jsonb_array_elements_text(done) AS d) AND (done_summary_id IS NULL OR done_summary_id = NEW.summary_id);
          RETURN NEW;
        END $$`,
      `CREATE TRIGGER summary_versions_actions AFTER INSERT ON summary_versions FOR EACH ROW EXECUTE FUNCTION seen_summary_versions_actions()`,
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
