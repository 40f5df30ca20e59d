// `seen migrate [--db file|url] [--status]`: brings the database schema (SQLite file or SEEN_DATABASE_URL) to this Seen's version.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import { databaseTarget, loadConfig, processEnv } from '../../bot/config';
import { describeDatabase, openDatabase } from '../../adapters/open-database';
import { argError } from './cli-records';

const Args = z.object({ db: z.string().min(1).optional(), status: z.boolean() });

const USAGE = 'usage: seen migrate [--status] [--db file|url]   (PostgreSQL when SEEN_DATABASE_URL is set, else SEEN_DB)\n';

/** The command, registered in bin/commands/registry.ts; several instances may run it at once (migrations take a lock). */
export const command: Command = {
  summary: 'migrate [--status] [--db file|url]  create or upgrade the database schema (SQLite or PostgreSQL)',
  async run(argv, io) {
    let args: z.infer<typeof Args>;
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { db: { type: 'string' }, status: { type: 'boolean' } } });
      if (positionals.length) throw new Error(`unexpected argument ${positionals[0]}`);
      args = Args.parse({ db: values.db, status: values.status ?? false });
    } catch (err) {
      io.stderr(`seen migrate: ${argError(err)}\n${USAGE}`);
      return 2;
    }
    const target = databaseTarget(loadConfig(processEnv()), { db: args.db });
    // Why: opening a SQLite file creates it, and --status must leave no database behind where there was none.
    if (args.status && !target.url && !existsSync(target.file)) {
      io.stdout(`${describeDatabase(target)}: schema version 0 (no database yet)\n`);
      return 0;
    }
    // Why open as-is, then migrate: --status must report without changing anything, and a behind schema is the point here.
    const db = await openDatabase({ ...target, asIs: true });
    try {
      const where = describeDatabase(target);
      if (args.status) {
        io.stdout(`${where}: schema version ${await db.schemaVersion()}\n`);
        return 0;
      }
      const r = await db.migrate();
      io.stdout(r.applied.length ? `${where}: migrated from version ${r.from} to ${r.to} (applied ${r.applied.join(', ')})\n` : `${where}: already at version ${r.to}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
