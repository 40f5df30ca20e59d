// A fresh in-memory database with the fictional demo data, and a fixed clock, for tests.
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from './database';
import { SqlCaseRecords } from '../../adapters/sql/case-records';
import { seedDemo } from '../../records/demo-seed';
import { emptyDomains, type SummaryDraft } from '../../records/model';

/** The fixed "now" every test uses: the demo's reference day. */
export const TEST_NOW = new Date('2026-11-26T10:00:00Z');
/** A clock that always says TEST_NOW. */
export const fixedClock = (): Date => TEST_NOW;

/** Opens an in-memory database seeded with the demo data. */
export async function demoRecords(): Promise<{ db: Db; records: SqlCaseRecords }> {
  const db = await openTestDb();
  const records = new SqlCaseRecords(db, fixedClock);
  await seedDemo(records);
  return { db, records };
}

/** A minimal valid summary draft for DEMO-1's Dan, with any fields replaced. */
export function demoDraft(overrides: Partial<SummaryDraft> = {}): SummaryDraft {
  return {
    caseRef: 'DEMO-1', manId: 'demo-1-dan', source: 'guided',
    contact: { date: '2026-11-25', location: 'Home visit', present: 'Dan, mother, baby', seenStatus: 'seen', notSeenReason: null },
    domains: emptyDomains(), substances: [], cryingMessages: [], infoSought: { agencies: [], consentGiven: null, note: '' },
    reflection: { anxious: false, jointVisitSuggested: false, note: '' }, factors: [], gaps: [], actions: [],
    ...overrides,
  };
}
