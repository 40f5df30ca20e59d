// Issue 18: a turn checks its Direct Line token up to four times (rate limit and authorisation, on the post and the
// poll); jose now checks each token's text once and the answer is remembered until the token expires. Nothing else about
// verification changes: expiry, retirement, sessions and tampering are still refused.
import assert from 'node:assert/strict';
import { TokenService } from '../../adapters/directline/tokens';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { tokenOutcome as outcome } from '../helpers/token-outcome';

const START = Date.parse('2026-12-02T09:00:00Z');
const SECRET = 'a-token-signing-secret-of-enough-length';

interface Ctx { tokens: TokenService; token: string; advance(ms: number): void; db: Db }

/** [what happens after the token was checked once, the next verify's outcome, jose checks in all]. */
const rows: Array<[string, (c: Ctx) => Promise<string>, string, number]> = [
  ['the same token again', (c) => outcome(c.tokens.verify(c.token)), 'ok', 1],
  ['the same token, rate-limit check then authorisation', async (c) => { await c.tokens.verifySignature(c.token); return outcome(c.tokens.verify(c.token)); }, 'ok', 1],
  ['the token has expired meanwhile', (c) => { c.advance(3601_000); return outcome(c.tokens.verify(c.token)); }, '403 TokenExpired', 1],
  ['expired, then asked again (jose decides)', async (c) => { c.advance(3601_000); await outcome(c.tokens.verify(c.token)); return outcome(c.tokens.verify(c.token)); }, '403 TokenExpired', 2],
  ['retired by a refresh meanwhile', async (c) => { await c.tokens.refresh(c.token); return outcome(c.tokens.verify(c.token)); }, '403 BadToken', 1],
  ['its signature changed by one character', (c) => outcome(c.tokens.verify(`${c.token.slice(0, -2)}${c.token.endsWith('AA') ? 'BB' : 'AA'}`)), '403 BadToken', 2],
  ['its payload swapped for another user', (c) => {
    const [h, p, sig] = c.token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    return outcome(c.tokens.verify(`${h}.${Buffer.from(JSON.stringify({ ...claims, user: 'mallory' })).toString('base64url')}.${sig}`));
  }, '403 BadToken', 2],
];

describe('Direct Line tokens: a checked signature is remembered until the token expires (issue 18)', () => {
  let db: Db;
  afterEach(async () => db?.close());
  for (const [name, act, expected, joseChecks] of rows) {
    it(`${name}: ${expected}, ${joseChecks} jose check(s)`, async () => {
      db = await openTestDb();
      let clock = START;
      const tokens = new TokenService(SECRET, 3600, () => new Date(clock), db);
      const { token } = await tokens.issue('conversation-cache-1', { id: 'alex' });
      assert.equal(await outcome(tokens.verify(token)), 'ok');
      assert.equal(await act({ tokens, token, db, advance: (ms) => (clock += ms) }), expected);
      assert.equal(tokens.signatureChecks.jose, joseChecks);
    });
  }

  it('a second service with another secret never trusts what the first remembered', async () => {
    db = await openTestDb();
    const first = new TokenService(SECRET, 3600, () => new Date(START), db);
    const other = new TokenService('another-secret-of-enough-length!', 3600, () => new Date(START), db);
    const { token } = await first.issue('conversation-cache-2', { id: 'alex' });
    assert.equal(await outcome(first.verify(token)), 'ok');
    assert.equal(await outcome(other.verify(token)), '403 BadToken');
  });
});
