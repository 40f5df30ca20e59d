// `seen export <case ref> --format md|json`: the latest summaries on a case, for the case file.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import { cliActor, openCliRecords } from './cli-records';
import { exportCase } from '../../records/case-export';
import { caseMarkdown } from '../../views/exporters/case-files';

const Args = z.object({
  caseRef: z.string().trim().min(1).max(50).transform((s) => s.toUpperCase()),
  format: z.enum(['md', 'json']).default('md'),
  db: z.string().min(1).optional(),
});

/** Prints the latest version of every summary on a case, as Markdown or schema-valid JSON. */
export const command: Command = {
  summary: 'export <case ref> --format md|json [--db file|url]  print the latest summaries on a case',
  async run(argv, io) {
    let args: z.infer<typeof Args>;
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string' }, db: { type: 'string' } } });
      args = Args.parse({ caseRef: positionals[0], format: values.format, db: values.db });
    } catch (err) {
      io.stderr(`seen export: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ') : (err as Error).message}\nusage: seen export <case ref> --format md|json [--db file|url]\n`);
      return 2;
    }
    // Reads are audited as the CLI user through the export path, like every other read of a case record.
    const { records, audit, context, close } = await openCliRecords(args.db, cliActor(), 'export');
    try {
      // The same access check and audit entry as `export <case>` in chat; the operator already holds the database.
      const result = await exportCase({ records, audit, now: () => new Date(), context: () => context }, { operator: true }, args.caseRef, args.format);
      if (result.status === 'unknown_case' || result.status === 'denied') {
        io.stderr(`seen export: no case ${args.caseRef}\n`);
        return 1;
      }
      if (args.format === 'json') {
        const summaries = result.status === 'ready' ? result.summaries.map((s) => s.summary) : [];
        io.stdout(`${JSON.stringify({ caseRef: result.case.ref, fictional: result.case.fictional, summaries }, null, 2)}\n`);
        return 0;
      }
      io.stdout(result.status === 'ready' ? caseMarkdown(result.case, result.summaries) : `No summaries on ${result.case.ref} yet.\n`);
      return 0;
    } finally {
      await close();
    }
  },
};
