// What the audit, sar and retention commands share: validated arguments, the database, and an audited records view as the CLI user.
import { userInfo } from 'node:os';
import { z } from 'zod';
import type { CliIo } from '../cli';
import { databaseTarget, loadConfig, processEnv } from '../../bot/config';
import type { Db } from '../../adapters/sql/database';
import { openDatabase } from '../../adapters/open-database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { AuditedCaseRecords } from '../../adapters/sql/audited-case-records';
import { allowed, type Operation, type Target } from '../../records/access';
import type { AuditContext, AuditPath } from '../../records/audit';

/** A user id given with --as: the same shape as stored user ids. */
export const AsUser = z.string().trim().min(1).max(100).optional();

/** Formats a zod failure (or any error) as one line for stderr. */
export function argError(err: unknown): string {
  return err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ') : (err as Error).message;
}

/** The machine user running the command, as the audit actor when no --as is given. */
export function cliActor(): string {
  let name = 'unknown';
  try { name = userInfo().username; } catch { /* no passwd entry (containers): keep "unknown" */ }
  return `cli:${name.replace(/[^\w.-]/g, '').slice(0, 60) || 'unknown'}`;
}

/** An open database with the audit log and audited records attributed to one actor and path. */
export interface CliRecords { db: Db; audit: SqlAuditLog; records: AuditedCaseRecords; context: AuditContext; close(): Promise<void> }

/** Opens the database (a --db SQLite file, else SEEN_DATABASE_URL or SEEN_DB) and audited records as `actor` through `path`. */
export async function openCliRecords(dbFile: string | undefined, actor: string, path: AuditPath): Promise<CliRecords> {
  const db = await openDatabase(databaseTarget(loadConfig(processEnv()), { db: dbFile }));
  const now = () => new Date();
  const audit = new SqlAuditLog(db);
  const context: AuditContext = { actor, path };
  const records = new AuditedCaseRecords(new SqlCaseRecords(db, now), audit, now, () => context);
  return { db, audit, records, context, close: () => db.close() };
}

/**
 * With --as, the access policy decides (the user must exist and be allowed); without it the command runs as the
 * machine's operator, who already holds the database file. Returns the actor id, or undefined after printing a refusal.
 */
export async function actorFor(cli: Pick<CliRecords, 'records'>, as: string | undefined, operation: Operation, target: Target, io: CliIo, command: string): Promise<string | undefined> {
  if (as === undefined) return cliActor();
  const user = await cli.records.getUser(as);
  if (!user || !allowed(user, operation, target)) {
    io.stderr(`seen ${command}: ${as} is not allowed to do this\n`);
    return undefined;
  }
  return user.id;
}
