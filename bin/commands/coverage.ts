// `seen coverage --team North --format md|csv|json`: the same figures as the chat report and the page, for a terminal or a file.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import { databaseTarget, loadConfig, processEnv } from '../../bot/config';
import { openDatabase } from '../../adapters/open-database';
import { SqlCoverage } from '../../adapters/sql/coverage';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { AuditedCoverage } from '../../adapters/sql/audited-coverage';
import { publishPartnership } from '../../records/coverage-publish';
import { cliActor } from './cli-records';
import { partnershipCsv, teamCsv } from '../../views/exporters/coverage-csv';
import { partnershipMarkdown, teamMarkdown } from '../../views/exporters/coverage-md';
import { isoDay } from '../../records/dates';
import { daysBefore, MAX_LIST } from '../../records/coverage';
import { IsoDate } from '../../records/model';

const Args = z.object({
  team: z.string().trim().min(1).max(100).optional(),
  partnership: z.boolean().default(false),
  format: z.enum(['md', 'csv', 'json']).default('md'),
  period: z.enum(['all', '30', '90', '365']).default('all'),
  trend: z.enum(['0', '6', '12']).default('12').transform(Number).pipe(z.union([z.literal(0), z.literal(6), z.literal(12)])),
  practitioner: z.string().min(1).max(100).optional(),
  today: IsoDate.optional(),
  db: z.string().min(1).optional(),
}).refine((a) => a.partnership !== Boolean(a.team), { message: 'give --team <team> or --partnership' });

const USAGE = 'usage: seen coverage (--team <team> | --partnership) [--format md|csv|json] [--period all|30|90|365] [--trend 0|6|12] [--practitioner id] [--today yyyy-mm-dd] [--db file|url]\n';

/** Prints a team's coverage (with names: for supervisors' own use) or the anonymised partnership figures. */
export const command: Command = {
  summary: 'coverage --team <team> | --partnership [--format md|csv|json]  father coverage figures',
  async run(argv, io) {
    let args: z.infer<typeof Args>;
    try {
      const { values } = parseArgs({ args: argv, options: { team: { type: 'string' }, partnership: { type: 'boolean' }, format: { type: 'string' }, period: { type: 'string' }, trend: { type: 'string' }, practitioner: { type: 'string' }, today: { type: 'string' }, db: { type: 'string' } } });
      args = Args.parse(values);
    } catch (err) {
      io.stderr(`seen coverage: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ') : (err as Error).message}\n${USAGE}`);
      return 2;
    }
    const db = await openDatabase(databaseTarget(loadConfig(processEnv()), { db: args.db }));
    try {
      // Every report is audited as the machine's operator through the CLI path, with the team (issue 17.4).
      const context = { actor: cliActor(), path: 'cli' as const };
      const coverage = new AuditedCoverage(new SqlCoverage(db), new SqlAuditLog(db), () => new Date(), () => context);
      const today = args.today ?? isoDay(new Date());
      const since = args.period === 'all' ? null : daysBefore(today, Number(args.period));
      if (args.partnership) {
        const p = publishPartnership(await coverage.partnershipCoverage({ today, since, trendMonths: args.trend, purpose: 'report' }));
        io.stdout(args.format === 'json' ? `${JSON.stringify(p, null, 2)}\n` : args.format === 'csv' ? partnershipCsv(p) : partnershipMarkdown(p));
        return 0;
      }
      const team = (await coverage.teams()).find((x) => x.toLowerCase() === args.team!.toLowerCase());
      if (!team) {
        io.stderr(`seen coverage: no open cases in team "${args.team}"\n`);
        return 1;
      }
      const report = await coverage.teamCoverage(team, { today, since, practitionerId: args.practitioner ?? null, listLimit: MAX_LIST, trendMonths: args.trend, purpose: 'report' });
      const names = new Map((await new SqlCaseRecords(db, () => new Date()).listUsers()).map((u) => [u.id, u.name]));
      const name = (id: string) => names.get(id) ?? id;
      io.stdout(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : args.format === 'csv' ? teamCsv(report, name) : teamMarkdown(report, name));
      return 0;
    } finally {
      await db.close();
    }
  },
};
