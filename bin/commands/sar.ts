// `seen sar <man id>`: a subject-access export — everything Seen holds about one man, as JSON.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import type { Summary } from '../../records/model';
import { manScope, summaryIdsForMan, supervisionForMan, transcriptMentions } from '../../adapters/sql/subject-access';
import { AsUser, actorFor, argError, openCliRecords } from './cli-records';

const Args = z.object({
  manId: z.string().trim().min(1).max(100),
  as: AsUser,
  db: z.string().min(1).optional(),
});

const USAGE = 'usage: seen sar <man id> [--as <user id>] [--db file|url]\n';

/** The command, registered in bin/commands/registry.ts. */
export const command: Command = {
  summary: 'sar <man id> [--as user] [--db file|url]  subject-access export: everything held about one man, as JSON',
  async run(argv, io) {
    let args: z.infer<typeof Args>;
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { as: { type: 'string' }, db: { type: 'string' } } });
      if (positionals.length > 1) throw new Error(`unexpected argument ${positionals[1]}`);
      args = Args.parse({ manId: positionals[0], as: values.as, db: values.db });
    } catch (err) {
      io.stderr(`seen sar: ${argError(err)}\n${USAGE}`);
      return 2;
    }
    const cli = await openCliRecords(args.db, 'seen', 'export');
    try {
      const row = await manScope(cli.db, args.manId);
      if (!row) {
        io.stderr(`seen sar: no man with id ${args.manId}\n`);
        return 1;
      }
      const actor = await actorFor(cli, args.as, 'subject.export', { team: row.team, practitionerId: row.practitionerId }, io, 'sar');
      if (!actor) return 3;
      cli.context.actor = actor;
      // Every read below goes through the audited records, as this actor on the export path.
      const man = (await cli.records.getMan(args.manId))!;
      const c = (await cli.records.getCase(man.caseRef))!;
      const summaries: Summary[] = [];
      for (const id of await summaryIdsForMan(cli.db, man.id)) summaries.push(...(await cli.records.summaryVersions(id)));
      const supervision = await supervisionForMan(cli.db, man.id);
      await cli.audit.append({ at: new Date().toISOString(), actor, path: 'export', operation: 'subject.export', outcome: 'ok', caseRef: c.ref, manId: man.id, detail: `versions:${summaries.length}` });
      const auditTrail = await cli.audit.listForMan(man.id);
      const mentions = await transcriptMentions(cli.db, man.name);
      const out = {
        kind: 'subject-access export',
        generatedAt: new Date().toISOString(),
        fictional: c.fictional,
        subject: man,
        case: { ref: c.ref, team: c.team, practitionerId: c.practitionerId, open: c.open, fictional: c.fictional },
        summaryVersions: summaries,
        supervisionDiscussions: supervision,
        auditTrail,
        transcriptMentions: { note: 'chat messages containing his first name, for a person to review before disclosure', messages: mentions },
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    } finally {
      await cli.close();
    }
  },
};
