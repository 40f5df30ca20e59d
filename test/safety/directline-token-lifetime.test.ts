// Issue 13 item 9: a Direct Line token could be refreshed for ever, and the old one stayed valid after a refresh.
// Now: a refresh retires the old token, two refreshes of one token give one new token, and no chain of refreshes
// lasts past its maximum lifetime (12 hours, or the end of the web session it was minted for).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TokenService, DEFAULT_MAX_LIFETIME_SECONDS } from '../../adapters/directline/tokens';
import { DirectLineError } from '../../adapters/directline/errors';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { tokenOutcome as outcome } from '../helpers/token-outcome';

const START = Date.parse('2026-11-26T09:00:00Z');
const SECRET = 'a-token-signing-secret-of-enough-length';

describe('safety: Direct Line token lifetime (issue 13 item 9)', () => {
  let db: Db;
  let clock: number;
  let tokens: TokenService;
  beforeEach(async () => {
    db = await openTestDb();
    clock = START;
    tokens = new TokenService(SECRET, 3600, () => new Date(clock), db);
  });
  afterEach(async () => db.close());

  it('a refresh retires the old token: it no longer verifies or refreshes', async () => {
    const first = await tokens.issue('conversation-0001', { id: 'alex' });
    clock += 15 * 60_000;
    const second = await tokens.refresh(first.token);
    assert.equal(await outcome(tokens.verify(second.token)), 'ok');
    assert.equal(await outcome(tokens.verify(first.token)), '403 BadToken');
    assert.equal(await outcome(tokens.refresh(first.token)), '403 BadToken');
  });

  it('two refreshes racing with one token: exactly one new token', async () => {
    const first = await tokens.issue('conversation-0002', { id: 'alex' });
    const results = await Promise.all([0, 1, 2, 3].map(() => outcome(tokens.refresh(first.token))));
    assert.deepEqual(results.filter((r) => r === 'ok').length, 1, results.join(', '));
  });

  it('refreshing every 15 minutes stops at the maximum lifetime; no token ever expires after it', async () => {
    let current = await tokens.issue('conversation-0003', { id: 'alex' });
    const end = START / 1000 + DEFAULT_MAX_LIFETIME_SECONDS;
    let refreshes = 0;
    for (;;) {
      clock += 15 * 60_000;
      const result = await tokens.refresh(current.token).catch((err: unknown) => err);
      if (result instanceof DirectLineError) {
        assert.equal(result.code, 'TokenExpired');
        break;
      }
      current = result as typeof current;
      refreshes += 1;
      assert.ok(clock / 1000 + current.expires_in <= end, `token ${refreshes} expires by the chain's end`);
      assert.ok(refreshes < 100, 'the chain ends');
    }
    assert.ok(clock / 1000 >= end - 15 * 60, `stopped at the end (${refreshes} refreshes)`);
    assert.ok(refreshes >= 46 && refreshes <= 48, `about 12 h of 15-minute refreshes, got ${refreshes}`);
  });

  it('a token minted for a session never lasts past the session end, refreshes included', async () => {
    const endsAt = new Date(START + 2 * 3600_000);
    let current = await tokens.issue('conversation-0004', { id: 'sam' }, { hash: 'no-such-session', endsAt });
    assert.ok(START / 1000 + current.expires_in <= endsAt.getTime() / 1000);
    // With no live session behind it, it is refused at once.
    assert.equal(await outcome(tokens.verify(current.token)), '403 TokenExpired');
    await db.run('INSERT INTO web_sessions (sid_hash, data, expires_at, ends_at) VALUES (?, ?, ?, ?)', ['live', '{}', endsAt.toISOString(), endsAt.toISOString()]);
    current = await tokens.issue('conversation-0005', { id: 'sam' }, { hash: 'live', endsAt });
    clock += 50 * 60_000;
    current = await tokens.refresh(current.token);
    assert.equal(current.expires_in, 3600);
    clock += 50 * 60_000;
    current = await tokens.refresh(current.token);
    assert.equal(current.expires_in, 20 * 60, 'cut to the session end');
    clock += 20 * 60_000;
    assert.equal(await outcome(tokens.refresh(current.token)), '403 TokenExpired');
  });

  it('any change to a token is refused (property)', async () => {
    const issued = await tokens.issue('conversation-0006', { id: 'alex' });
    await fc.assert(fc.asyncProperty(fc.nat(issued.token.length - 1), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'), async (i, ch) => {
      fc.pre(issued.token[i] !== ch);
      const changed = issued.token.slice(0, i) + ch + issued.token.slice(i + 1);
      // Base64url's last character can carry unused bits; a change there may decode to the same bytes.
      const same = await outcome(tokens.verify(changed)) === 'ok';
      if (same) assert.equal(Buffer.from(changed.split('.')[2] ?? '', 'base64url').equals(Buffer.from(issued.token.split('.')[2] ?? '', 'base64url')), true, 'only an encoding-equivalent change verifies');
    }), { numRuns: 200 });
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), async (garbage) => {
      assert.notEqual(await outcome(tokens.verify(garbage)), 'ok');
    }), { numRuns: 200 });
  });

  it('a token with alg none, or signed with another secret, is refused', async () => {
    const issued = await tokens.issue('conversation-0007', { id: 'alex' });
    const [, payload] = issued.token.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    assert.equal(await outcome(tokens.verify(none)), '403 BadToken');
    const other = new TokenService('another-secret-of-enough-length-000', 3600, () => new Date(clock), db);
    const foreign = await other.issue('conversation-0007', { id: 'sam' });
    assert.equal(await outcome(tokens.verify(foreign.token)), '403 BadToken');
  });
});
