// PostgreSQL drops Seen's connections (a restart, a failover, an administrator): the pool and the LISTEN connection come back.
import assert from 'node:assert/strict';
import pg from 'pg';
import { PgDb } from '../../adapters/postgres/db';
import { onPostgres, TEST_DATABASE_URL } from '../helpers/database';

// Polls `attempt` every 100 ms until it returns true; fails after `ms` with `what`.
async function within(ms: number, what: string, attempt: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await attempt().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('adapters: PostgreSQL connections dropped under Seen (PostgreSQL run only)', function () {
  this.timeout(30_000);
  const app = `seen_drop_${process.pid}`;
  const schema = `t_drop_${process.pid}`;
  let db: PgDb;
  let admin: pg.Client;
  before(async function () {
    if (!onPostgres) this.skip(); // needs a PostgreSQL server to drop connections on
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('application_name', app);
    const errors: Error[] = [];
    db = await PgDb.open({ url: url.toString(), schema, onError: (e) => errors.push(e) });
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  after(async () => {
    if (!onPostgres) return;
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    await db.close();
  });

  it('answers again and hears notices again after every connection of this instance is terminated', async () => {
    const heard: string[] = [];
    const stop = await db.listen('resilience', (p) => heard.push(p));
    await db.run("INSERT INTO settings (key, value) VALUES ('before', '1')");
    const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
    assert.ok((killed.rowCount ?? 0) >= 2, `terminated ${killed.rowCount} connections (pool and LISTEN)`);
    await within(10_000, 'a statement succeeds again', async () => (await db.get<{ value: string }>("SELECT value FROM settings WHERE key = 'before'"))?.value === '1');
    await within(10_000, 'a notice is heard again', async () => {
      await admin.query("SELECT pg_notify($1, 'after')", [`${schema}.resilience`]);
      await new Promise((r) => setTimeout(r, 100));
      return heard.includes('after');
    });
    await stop();
  });
});
