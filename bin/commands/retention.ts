// `seen retention [--days N] [--dry-run]`: removes fictional (demo/test) cases untouched for N days; real cases are never touched.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import { databaseTarget, loadConfig, processEnv } from '../../bot/config';
import { openDatabase, type DatabaseTarget } from '../../adapters/open-database';
import { applyRetention } from '../../adapters/sql/retention';
import { argError, cliActor } from './cli-records';

const Args = z.object({
  days: z.coerce.number().int().min(1).max(36500).optional(),
  dryRun: z.boolean(),
  db: z.string().min(1).optional(),
});

const USAGE = 'usage: seen retention [--days N] [--dry-run] [--db file|url]   (N defaults to SEEN_RETENTION_DAYS)\n';

/** The command, registered in bin/commands/registry.ts. */
export const command: Command = {
  summary: 'retention [--days N] [--dry-run] [--db file|url]  remove fictional cases untouched for N days',
  async run(argv, io) {
    let args: z.infer<typeof Args>;
    let days: number;
    let target: DatabaseTarget;
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { days: { type: 'string' }, 'dry-run': { type: 'boolean' }, db: { type: 'string' } } });
      if (positionals.length) throw new Error(`unexpected argument ${positionals[0]}`);
      args = Args.parse({ days: values.days, dryRun: values['dry-run'] ?? false, db: values.db });
      const config = loadConfig(processEnv());
      const d = args.days ?? config.SEEN_RETENTION_DAYS;
      if (d === undefined) throw new Error('give --days N or set SEEN_RETENTION_DAYS');
      days = d;
      target = databaseTarget(config, { db: args.db });
    } catch (err) {
      io.stderr(`seen retention: ${argError(err)}\n${USAGE}`);
      return 2;
    }
    const db = await openDatabase(target);
    try {
      const r = await applyRetention(db, { now: () => new Date(), days, context: { actor: cliActor(), path: 'cli' }, dryRun: args.dryRun });
      const verb = args.dryRun ? 'would remove' : 'removed';
      io.stdout(`${verb} ${r.cases.length} fictional case(s) untouched since ${r.cutoff}${r.cases.length ? `: ${r.cases.join(', ')}` : ''}` +
        `${args.dryRun ? '' : ` (${r.summaries} summaries, ${r.versions} versions, ${r.men} men)`}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
