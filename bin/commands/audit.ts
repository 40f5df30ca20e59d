// `seen audit <case ref>`: prints the append-only audit trail of one case (who read or wrote it, when, through which path).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import type { AuditEntry } from '../../records/audit';
import { AsUser, actorFor, argError, openCliRecords } from './cli-records';
import { caseScope } from '../../adapters/sql/subject-access';

const Args = z.object({
  caseRef: z.string().trim().min(1).max(50).regex(/^[\w-]+$/, 'a case ref is letters, digits and dashes').transform((s) => s.toUpperCase()),
  as: AsUser,
  json: z.boolean(),
  db: z.string().min(1).optional(),
});

const USAGE = 'usage: seen audit <case ref> [--as <user id>] [--json] [--db file|url]\n';

/** One entry as a fixed-width line: ids and events only. */
export function formatEntry(e: AuditEntry): string {
  const what = [e.manId && `man=${e.manId}`, e.summaryId && `summary=${e.summaryId}`, e.version && `v${e.version}`, e.detail].filter(Boolean).join(' ');
  return `${String(e.seq).padStart(6)}  ${e.at}  ${e.actor.padEnd(12)} ${e.path.padEnd(10)} ${e.operation.padEnd(16)} ${e.outcome.padEnd(9)} ${what}`.trimEnd();
}

/** The command, registered in bin/commands/registry.ts. */
export const command: Command = {
  summary: 'audit <case ref> [--as user] [--json] [--db file|url]  print who read or wrote the case, when and how',
  async run(argv, io) {
    let args: z.infer<typeof Args>;
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { as: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } } });
      if (positionals.length > 1) throw new Error(`unexpected argument ${positionals[1]}`);
      args = Args.parse({ caseRef: positionals[0], as: values.as, json: values.json ?? false, db: values.db });
    } catch (err) {
      io.stderr(`seen audit: ${argError(err)}\n${USAGE}`);
      return 2;
    }
    const cli = await openCliRecords(args.db, 'seen', 'cli');
    try {
      const c = await caseScope(cli.db, args.caseRef);
      const actor = await actorFor(cli, args.as, 'audit.read', c ?? {}, io, 'audit');
      if (!actor) return 3;
      const entries = await cli.audit.listForCase(args.caseRef);
      // Reading the trail is itself recorded (after the listing, so it shows next time).
      await cli.audit.append({ at: new Date().toISOString(), actor, path: 'cli', operation: 'audit.read', outcome: 'ok', caseRef: args.caseRef, detail: `count:${entries.length}` });
      if (!c && entries.length === 0) {
        io.stderr(`seen audit: no case ${args.caseRef} and no audit entries for it\n`);
        return 1;
      }
      if (args.json) io.stdout(`${JSON.stringify({ caseRef: args.caseRef, entries }, null, 2)}\n`);
      else io.stdout(`Audit trail for ${args.caseRef}: ${entries.length} entries${c ? '' : ' (the case itself has been removed)'}\n${entries.map(formatEntry).join('\n')}\n`);
      return 0;
    } finally {
      await cli.close();
    }
  },
};
