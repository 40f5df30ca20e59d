// Loads the fictional demo data into an empty case record, once.
import { DEMO_CASES, DEMO_MEN, DEMO_USERS, demoSummaries } from './demo-data';
import type { CaseRecords } from './repository';

/** Seeds the demo data when the record holds no cases; returns whether it seeded. */
export async function seedDemo(records: CaseRecords): Promise<boolean> {
  if ((await records.countCases()) > 0) return false;
  for (const u of DEMO_USERS) await records.upsertUser(u);
  for (const c of DEMO_CASES) await records.insertCase(c);
  for (const m of DEMO_MEN) await records.addMan(m);
  for (const { draft, author } of demoSummaries()) await records.saveSummary(draft, author);
  return true;
}
