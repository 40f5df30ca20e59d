// `seen export <case ref> --format md|json`: the latest summaries on a case, for the case file.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import { cliActor, openCliRecords } from './cli-records';
import { summaryToMarkdown } from '../../views/exporters/markdown';

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
    const { records, close } = await openCliRecords(args.db, cliActor(), 'export');
    try {
      const c = await records.getCase(args.caseRef);
      if (!c) {
        io.stderr(`seen export: no case ${args.caseRef}\n`);
        return 1;
      }
      const summaries = await records.latestSummaries(c.ref);
      if (args.format === 'json') {
        io.stdout(`${JSON.stringify({ caseRef: c.ref, fictional: c.fictional, summaries }, null, 2)}\n`);
        return 0;
      }
      const men = new Map((await records.listMen(c.ref)).map((m) => [m.id, m]));
      const parts = summaries.map((s) => {
        const man = men.get(s.manId)!;
        return summaryToMarkdown(s, { manName: man.name, manRole: man.role, fictional: c.fictional });
      });
      io.stdout(`${parts.length ? parts.join('\n---\n\n') : `No summaries on ${c.ref} yet.\n`}`);
      return 0;
    } finally {
      await close();
    }
  },
};
