// `seen sar <man id>`: a subject-access export — everything Seen holds about one man, as JSON.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import type { Summary } from '../../records/model';
import type { Db } from '../../adapters/sql/database';
import { AsUser, actorFor, argError, openCliRecords } from './cli-records';

const Args = z.object({
  manId: z.string().trim().min(1).max(100),
  as: AsUser,
  db: z.string().min(1).optional(),
});

const USAGE = 'usage: seen sar <man id> [--as <user id>] [--db file|url]\n';

/** A transcript line that may mention him: his name appears in a message; listed for a person to review, not interpreted. */
interface Mention { conversationId: string; seq: number; timestamp: string | null; from: string | null; text: string }

/** Messages in Seen's Direct Line transcripts that contain his first name as a whole word (case-insensitive). */
async function transcriptMentions(db: Db, name: string): Promise<Mention[]> {
  const first = name.replace(/\(.*?\)/g, '').trim().split(/\s+/)[0] ?? '';
  if (first.length < 2) return [];
  const word = new RegExp(`(^|[^\\p{L}])${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu');
  const rows = await db.all<{ conversation_id: string; seq: number; body: string }>(
    // lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
    "SELECT conversation_id, seq, body FROM directline_activities WHERE lower(body) LIKE ? ESCAPE '\\' ORDER BY conversation_id, seq",
    [`%${first.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
  );
  const out: Mention[] = [];
  for (const r of rows) {
    const a = z.looseObject({ text: z.string().optional(), timestamp: z.string().optional(), from: z.looseObject({ role: z.string().optional() }).optional() }).safeParse(JSON.parse(r.body));
    if (a.success && a.data.text && word.test(a.data.text)) out.push({ conversationId: r.conversation_id, seq: r.seq, timestamp: a.data.timestamp ?? null, from: a.data.from?.role ?? null, text: a.data.text });
  }
  return out;
}

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
      const row = await cli.db.get<{ case_ref: string; team: string; practitioner_id: string }>(
        'SELECT m.case_ref, c.team, c.practitioner_id FROM men m JOIN cases c ON c.ref = m.case_ref WHERE m.id = ?', [args.manId]);
      if (!row) {
        io.stderr(`seen sar: no man with id ${args.manId}\n`);
        return 1;
      }
      const actor = await actorFor(cli, args.as, 'subject.export', { team: row.team, practitionerId: row.practitioner_id }, io, 'sar');
      if (!actor) return 3;
      cli.context.actor = actor;
      // Every read below goes through the audited records, as this actor on the export path.
      const man = (await cli.records.getMan(args.manId))!;
      const c = (await cli.records.getCase(man.caseRef))!;
      const ids = await cli.db.all<{ id: string }>('SELECT id FROM summaries WHERE man_id = ? ORDER BY created_at', [man.id]);
      const summaries: Summary[] = [];
      for (const { id } of ids) summaries.push(...(await cli.records.summaryVersions(id)));
      const supervision = await cli.db.all<Record<string, unknown>>('SELECT case_ref, man_id, recorded_by, discussed_on, created_at FROM supervision_discussions WHERE man_id = ? ORDER BY id', [man.id]);
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
