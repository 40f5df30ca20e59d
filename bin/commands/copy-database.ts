// `seen copy-database --from <file|url> --to <file|url> [--dry-run]`: moves a Seen database to another backend (SQLite to
// PostgreSQL, mostly) with its records, audit trail and conversations. Prints table names and counts, never contents.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { CliIo, Command } from '../cli';
import { databaseTarget, loadConfig, processEnv } from '../../bot/config';
import { describeDatabase, openDatabase, type DatabaseTarget } from '../../adapters/open-database';
import type { Db } from '../../adapters/sql/database';
import { latestVersion } from '../../adapters/sql/migrations';
import { MIGRATIONS } from '../../adapters/sqlite/schema';
import { COPIED_TABLES, CopyError, copyDatabase, countRows, nonEmptyTables, planCopy, type TableCounts } from '../../adapters/sql/copy';
import { TABLES } from '../../adapters/sql/columns';
import { argError, cliActor } from './cli-records';

/** This Seen's schema version; both backends' migrations carry the same numbers (a test compares them). */
const LATEST = latestVersion(MIGRATIONS);

const Args = z.object({ from: z.string().min(1), to: z.string().min(1), dryRun: z.boolean() });

const USAGE = 'usage: seen copy-database --from <file|postgres://…[?schema=s]> --to <file|postgres://…[?schema=s]> [--dry-run]\n';

// The same database named twice (a SQLite file by its full path, a PostgreSQL schema by server and schema).
function sameDatabase(a: DatabaseTarget, b: DatabaseTarget): boolean {
  if (a.url || b.url) return !!a.url && !!b.url && describeDatabase(a) === describeDatabase(b);
  return resolve(a.file) === resolve(b.file);
}

// The per-table counts, aligned, with a note on the tables not copied row for row.
function countsTable(source: TableCounts, target: TableCounts | undefined, targetHeading: string): string {
  const note = (t: string) => (t === 'coverage_facts' ? '  (rebuilt by the target)' : COPIED_TABLES.includes(t as never) ? '' : '  (not copied)');
  const lines = TABLES.map((t) => `${t.padEnd(26)}${String(source[t]).padStart(10)}${target ? String(target[t]).padStart(10) : ''}${note(t)}`);
  return `${'table'.padEnd(26)}${'source'.padStart(10)}${target ? targetHeading.padStart(10) : ''}\n${lines.join('\n')}\n`;
}

// Opens the target as it is, or says it does not exist yet (a SQLite file not yet created); undefined after printing a refusal.
async function openTarget(target: DatabaseTarget, dryRun: boolean, io: CliIo): Promise<{ db: Db | undefined; fresh: boolean } | undefined> {
  if (!target.url && dryRun && !existsSync(target.file)) return { db: undefined, fresh: true };
  const db = await openDatabase({ ...target, asIs: true });
  const version = await db.schemaVersion();
  if (version !== 0 && version !== LATEST) {
    await db.close();
    io.stderr(`seen copy-database: the target is at schema version ${version}: give a new database, or run \`seen migrate\` on it first\n`);
    return undefined;
  }
  if (version === LATEST) {
    const busy = nonEmptyTables(await countRows(db));
    if (busy.length) {
      await db.close();
      io.stderr(`seen copy-database: the target is not empty (${busy.join(', ')} hold rows); nothing was written. Copy into a new database\n`);
      return undefined;
    }
  }
  return { db, fresh: version === 0 };
}

/** The command, registered in bin/commands/registry.ts. */
export const command: Command = {
  summary: 'copy-database --from <file|url> --to <file|url> [--dry-run]  copy every table into a new database (e.g. SQLite to PostgreSQL)',
  async run(argv, io) {
    let from: DatabaseTarget;
    let to: DatabaseTarget;
    let dryRun: boolean;
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
      if (positionals.length) throw new Error(`unexpected argument ${positionals[0]}`);
      const args = Args.parse({ from: values.from, to: values.to, dryRun: values['dry-run'] ?? false });
      const config = loadConfig(processEnv());
      from = databaseTarget(config, { db: args.from });
      to = databaseTarget(config, { db: args.to });
      dryRun = args.dryRun;
      if (sameDatabase(from, to)) throw new Error('--from and --to name the same database');
    } catch (err) {
      io.stderr(`seen copy-database: ${argError(err)}\n${USAGE}`);
      return 2;
    }
    if (!from.url && !existsSync(from.file)) {
      io.stderr(`seen copy-database: there is no SQLite database at ${from.file}\n`);
      return 1;
    }
    const where = { from: describeDatabase(from), to: describeDatabase(to) };
    let source: Db | undefined;
    let target: Db | undefined;
    try {
      source = await openDatabase({ ...from, asIs: true });
      const version = await source.schemaVersion();
      if (version !== LATEST) {
        io.stderr(`seen copy-database: the source is at schema version ${version}, this Seen needs ${LATEST}: run \`seen migrate\` on the source first\n`);
        return 1;
      }
      // Why before the target is opened: a source that cannot be copied leaves the target as it was (not even created).
      const planned = await planCopy(source);
      const opened = await openTarget(to, dryRun, io);
      if (!opened) return 1;
      target = opened.db;
      io.stdout(`from ${where.from}\nto   ${where.to}${opened.fresh ? ' (new: Seen\'s schema is created first)' : ' (empty)'}\n`);
      if (dryRun) {
        io.stdout(`dry run: nothing written\n${countsTable(planned, undefined, '')}`);
        return 0;
      }
      if (opened.fresh) await target!.migrate();
      const started = Date.now();
      const report = await copyDatabase(source, target!, { audit: { context: { actor: cliActor(), path: 'cli' }, now: () => new Date() } });
      io.stdout(`${countsTable(report.source, report.target, 'target')}copied in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `the copy is audit entry ${report.auditSeq} in the target's trail\n`);
      return 0;
    } catch (err) {
      if (err instanceof CopyError) {
        io.stderr(`seen copy-database: ${err.message}\n`);
        return 1;
      }
      // Driver messages name constraints and columns, not values; the cause says which.
      const cause = (err as Error).cause instanceof Error ? `: ${((err as Error).cause as Error).message}` : '';
      io.stderr(`seen copy-database: ${(err as Error).message}${cause}; no rows were copied to ${where.to}\n`);
      return 1;
    } finally {
      await target?.close();
      await source?.close();
    }
  },
};
