// Test-wide setup: keep logs out of test output, and tidy the test databases at the end.
import { cleanUpTestDatabases } from './helpers/database';

process.env.SEEN_LOG_LEVEL = process.env.SEEN_LOG_LEVEL ?? 'silent';

/** Mocha root hooks (this file is --require'd): close every test database and drop the PostgreSQL schemas a run made. */
// Why its own timeout: dropping ~190 schemas took 23.6 s on the shared 2-core machine under load (closing took 8 ms).
export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(120_000);
    await cleanUpTestDatabases();
  },
};
