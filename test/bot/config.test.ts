// Configuration: the database settings parse (or fail naming the variable), and databaseTarget picks the backend.
import assert from 'node:assert/strict';
import { ConfigError, databaseTarget, loadConfig } from '../../bot/config';
import { describeDatabase } from '../../adapters/open-database';

describe('config: where Seen keeps its data', () => {
  const rows: Array<[string, Record<string, string>, ReturnType<typeof databaseTarget>]> = [
    ['no URL: the SQLite file', { SEEN_DB: '/tmp/x.db' }, { file: '/tmp/x.db', migrate: true }],
    ['a URL: PostgreSQL, schema public, pool 10', { SEEN_DATABASE_URL: 'postgres://u:p@db:5432/seen' },
      { url: 'postgres://u:p@db:5432/seen', file: './data/seen.db', schema: 'public', poolSize: 10, migrate: true }],
    ['postgresql:// with a schema, pool and no start-up migration', { SEEN_DATABASE_URL: 'postgresql://db/seen', SEEN_DATABASE_SCHEMA: 'north', SEEN_DATABASE_POOL: '4', SEEN_MIGRATE_ON_START: '0' },
      { url: 'postgresql://db/seen', file: './data/seen.db', schema: 'north', poolSize: 4, migrate: false }],
    ['an empty URL counts as unset', { SEEN_DATABASE_URL: '' }, { file: './data/seen.db', migrate: true }],
  ];
  for (const [name, env, expected] of rows) it(name, () => assert.deepEqual(databaseTarget(loadConfig(env)), expected));

  const cli: Array<[string, string, Partial<ReturnType<typeof databaseTarget>>]> = [
    ['--db file wins over the URL', '/tmp/other.db', { file: '/tmp/other.db' }],
    ['--db URL with ?schema= names the schema and leaves the URL clean', 'postgres://db/seen?schema=t_1', { url: 'postgres://db/seen', schema: 't_1' }],
  ];
  for (const [name, db, expected] of cli) {
    it(name, () => {
      const target = databaseTarget(loadConfig({ SEEN_DATABASE_URL: 'postgres://elsewhere/x' }), { db });
      for (const [k, v] of Object.entries(expected)) assert.equal(target[k as keyof typeof target], v, k);
    });
  }

  const bad: Array<[string, Record<string, string>]> = [
    ['a URL of another scheme', { SEEN_DATABASE_URL: 'mysql://db/seen' }],
    ['a schema that is not a plain identifier', { SEEN_DATABASE_SCHEMA: 'x; DROP TABLE cases' }],
    ['a pool of 1 (start-up holds one connection while seeding on another)', { SEEN_DATABASE_POOL: '1' }],
  ];
  for (const [name, env] of bad) it(`refuses ${name}`, () => assert.throws(() => loadConfig(env), ConfigError));

  it('refuses a --db URL whose schema is not a plain identifier', () =>
    assert.throws(() => databaseTarget(loadConfig({}), { db: 'postgres://db/seen?schema=Bad-Name' }), ConfigError));

  it('describes the database for logs without its password', () => {
    const d = describeDatabase(databaseTarget(loadConfig({ SEEN_DATABASE_URL: 'postgres://seen:s3cret@db.internal:5433/seen' })));
    assert.equal(d, 'postgresql db.internal:5433/seen (schema public)');
    assert.ok(!d.includes('s3cret'));
  });
});
