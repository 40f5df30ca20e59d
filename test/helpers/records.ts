// A fresh in-memory database with the fictional demo data, and a fixed clock, for tests.
import { Db } from '../../adapters/sqlite/db';
import { SqliteCaseRecords } from '../../adapters/sqlite/case-records';
import { seedDemo } from '../../records/demo-seed';

/** The fixed "now" every test uses: the demo's reference day. */
export const TEST_NOW = new Date('2026-11-26T10:00:00Z');
/** A clock that always says TEST_NOW. */
export const fixedClock = (): Date => TEST_NOW;

/** Opens an in-memory database seeded with the demo data. */
export async function demoRecords(): Promise<{ db: Db; records: SqliteCaseRecords }> {
  const db = await Db.open(':memory:');
  const records = new SqliteCaseRecords(db, fixedClock);
  await seedDemo(records);
  return { db, records };
}
