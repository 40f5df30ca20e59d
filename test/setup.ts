// Test-wide setup: keep `natural` quiet on import, keep logs out of test output, and tidy the test databases at the end.
import { cleanUpTestDatabases } from './helpers/database';

process.env.DOTENV_CONFIG_QUIET = 'true';
process.env.SEEN_LOG_LEVEL = process.env.SEEN_LOG_LEVEL ?? 'silent';

/** Mocha root hooks (this file is --require'd): close every test database and drop the PostgreSQL schemas a run made. */
export const mochaHooks = { afterAll: cleanUpTestDatabases };
