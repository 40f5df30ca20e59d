// The audit trail: who read or wrote which case record, when and through which path. Append-only by contract and by schema.
import { z } from 'zod';

/** The ways into Seen's records; each audit entry names one. `system` is Seen itself (seeding, retention); `web` is page sign-in and sign-out. */
export const AUDIT_PATHS = ['chat', 'directline', 'teams', 'page', 'cli', 'export', 'system', 'web'] as const;
export const AuditPath = z.enum(AUDIT_PATHS);
export type AuditPath = z.infer<typeof AuditPath>;

/** What was done; reads and writes of case records, the audit, retention and database-copy jobs, and users administration. */
export const AUDIT_OPERATIONS = [
  'case.read', 'case.list', 'case.insert', 'men.list', 'man.read', 'man.add',
  'summary.save', 'summary.correct', 'summaries.read', 'versions.read',
  'subject.export', 'audit.read',
  // A case's summaries exported (issue 15): the CLI, `export <case>` in chat, and its download link; detail is format:count.
  'summaries.export', 'retention.delete', 'database.copy',
  'users.list', 'user.add', 'user.update', 'user.disable', 'user.enable', 'users.import',
  // Coverage figures (issue 17): a team's figures viewed, downloaded as CSV or printed as a report; partnership figures likewise.
  'coverage.team.view', 'coverage.team.csv', 'coverage.team.report', 'coverage.team.members', 'coverage.partnership.view', 'coverage.partnership.csv', 'coverage.partnership.report',
  // Web sign-in (path `web`): signed in, signed out, a sign-in that failed, and a signed-in account that is not a Seen user.
  'signin', 'signout', 'signin.failed', 'signin.unknown_user',
] as const;
export const AuditOperation = z.enum(AUDIT_OPERATIONS);
export type AuditOperation = z.infer<typeof AuditOperation>;

/** How it ended: writes log `attempted` before and `ok`/`failed` after, so a crash between the two still leaves a trace. */
export const AuditOutcome = z.enum(['ok', 'attempted', 'failed', 'not_found', 'denied']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** Ids only: an entry never carries note text, answers or names. */
const Id = z.string().min(1).max(128);

/** One entry as appended. */
export const AuditEntryInput = z.object({
  at: z.iso.datetime(),
  actor: Id,
  path: AuditPath,
  operation: AuditOperation,
  outcome: AuditOutcome,
  caseRef: Id.nullable().default(null),
  manId: Id.nullable().default(null),
  summaryId: Id.nullable().default(null),
  version: z.number().int().min(1).nullable().default(null),
  /** The team whose figures were read (coverage entries); null for case records. */
  team: z.string().min(1).max(100).nullable().default(null),
  /** An error class name or a count, never a message. */
  detail: z.string().max(100).regex(/^[\w.:-]*$/).nullable().default(null),
});
export type AuditEntryInput = z.input<typeof AuditEntryInput>;

/** One stored entry, with its position in the trail. */
export const AuditEntry = AuditEntryInput.extend({ seq: z.number().int().min(1) });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Who is acting and through which path, for every records call in one turn or command. */
export const AuditContext = z.object({ actor: Id, path: AuditPath });
export type AuditContext = z.infer<typeof AuditContext>;

/** The append-only trail. Nothing offers update or delete. */
export interface AuditLog {
  /** Appends one entry; returns its sequence number. */
  append(entry: AuditEntryInput): Promise<number>;
  /** Every entry about a case, oldest first. */
  listForCase(caseRef: string): Promise<AuditEntry[]>;
  /** Every entry about a man (for subject-access requests), oldest first. */
  listForMan(manId: string): Promise<AuditEntry[]>;
  /** Every entry about a team's figures, oldest first. */
  listForTeam(team: string): Promise<AuditEntry[]>;
}
