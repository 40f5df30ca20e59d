// Benchmark: what `export <case>` costs and weighs: the Markdown and Word files for the demo case DEMO-3 and for a case
// with 20 full summaries, the median time to build the .docx, and the web chat message that carries both as data: URLs.
import { SqliteDb } from '../adapters/sqlite/db';
import { SqlCaseRecords } from '../adapters/sql/case-records';
import { SqlAuditLog } from '../adapters/sql/audit-log';
import { seedDemo } from '../records/demo-seed';
import { exportCase } from '../records/case-export';
import type { Summary } from '../records/model';
import { caseDocx, caseMarkdown, copyableParts } from '../views/exporters/case-files';
import { CHANNELS } from '../views/channels';

const REPS = 15;
const now = () => new Date('2026-11-26T10:00:00Z');

async function main(): Promise<void> {
  const db = await SqliteDb.open(':memory:');
  const records = new SqlCaseRecords(db, now);
  await seedDemo(records);
  const r = await exportCase({ records, audit: new SqlAuditLog(db), now, context: () => ({ actor: 'bench', path: 'cli' }) }, { operator: true }, 'DEMO-3', 'md-docx');
  if (r.status !== 'ready') throw new Error(`DEMO-3: ${r.status}`);
  const full = (s: Summary): Summary => ({ ...s, domains: Object.fromEntries(Object.entries(s.domains).map(([k, e]) => [k, { ...e, status: 'covered', account: 'He said '.repeat(120), strengths: 'Strength. '.repeat(40), concerns: 'Concern. '.repeat(40) }])) as Summary['domains'] });
  const sets = [['DEMO-3 (1 summary)', r.summaries], ['20 full summaries', Array.from({ length: 20 }, () => ({ ...r.summaries[0]!, summary: full(r.summaries[0]!.summary) }))]] as const;
  for (const [name, summaries] of sets) {
    const md = caseMarkdown(r.case, summaries);
    const times: number[] = [];
    let docx: Uint8Array = new Uint8Array();
    for (let i = 0; i < REPS; i++) {
      const t0 = process.hrtime.bigint();
      docx = await caseDocx(r.case, summaries, 'Alex Morgan', '2026-11-26');
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    const message = Buffer.byteLength(JSON.stringify({ attachments: [Buffer.from(md).toString('base64'), Buffer.from(docx).toString('base64')] }));
    console.log(`${name}: markdown ${Buffer.byteLength(md)} B, docx ${docx.length} B, docx build median ${times[Math.floor(REPS / 2)]!.toFixed(1)} ms (of ${REPS}), web chat files message ~${message} B, Teams copy parts ${copyableParts(md, CHANNELS.msteams!.maxMessageBytes - 4_000).length}`);
  }
  await db.close();
}

void main();
