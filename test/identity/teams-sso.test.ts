import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSPKI, type JWTPayload } from 'jose';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { TeamsSsoError, TeamsSsoVerifier, type TeamsSsoRefusal } from '../../adapters/identity/teams-sso';
import { SqlUserAdmin } from '../../adapters/sql/users';
import type { TeamCoverage } from '../../records/coverage';
import { DEMO_USERS } from '../../records/demo-data';
import { TEST_NOW } from '../helpers/records';
import { testDbEnv, dbArgs } from '../helpers/database';
import { seen as cli } from '../coverage/helpers';
import { hmacToken, SSO_APP_ID, SSO_AUDIENCE, SSO_PUBLIC_URL, SSO_TENANT, startSsoKeys, unsignedToken, V2_ISSUER, type SsoKeys } from '../../bench/teams-sso-keys';

const aad = (id: string) => DEMO_USERS.find((u) => u.id === id)!.aadObjectId!;
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const STRANGER = 'abcdefab-cdef-4abc-8def-abcdefabcdef';
/** The verifier's clock and the tokens' issue time: tests never read the real clock. */
const FIXED = TEST_NOW;
const nowS = Math.floor(FIXED.getTime() / 1000);

describe('Teams SSO: the tab token verifier', () => {
  let keys: SsoKeys;
  let verifier: TeamsSsoVerifier;
  before(async () => {
    keys = await startSsoKeys(() => FIXED);
    verifier = new TeamsSsoVerifier({ appId: SSO_APP_ID, tenantId: SSO_TENANT, publicUrl: SSO_PUBLIC_URL, jwksUrl: keys.jwksUrl }, { now: () => FIXED });
  });
  after(() => keys.close());

  const hourAgo = new Date(FIXED.getTime() - 2 * 3600_000);
  // [what, how the token is made, 'ok' or the refusal]: every way a token can be wrong, each refused for its own reason.
  const table: Array<[string, (k: SsoKeys) => Promise<string> | string, 'ok' | TeamsSsoRefusal]> = [
    ['a valid v1 token (aud = Application ID URI)', (k) => k.token({ oid: aad('sam') }), 'ok'],
    ['a valid v2 token (aud = the bare app id)', (k) => k.token({ oid: aad('sam'), iss: V2_ISSUER, aud: SSO_APP_ID, ver: '2.0' }), 'ok'],
    ['wrong audience (another app\'s token)', (k) => k.token({ oid: aad('sam'), aud: 'api://seen.example.test/00000000-1111-4222-8333-444444444444' }), 'audience'],
    ['the Microsoft Graph audience', (k) => k.token({ oid: aad('sam'), aud: 'https://graph.microsoft.com' }), 'audience'],
    ['wrong tenant (issuer and tid of another tenant)', (k) => k.token({ oid: aad('sam'), iss: `https://sts.windows.net/${OTHER_TENANT}/`, tid: OTHER_TENANT }), 'issuer'],
    ['our issuer but another tenant\'s tid', (k) => k.token({ oid: aad('sam'), tid: OTHER_TENANT }), 'tenant'],
    ['expired two hours ago', (k) => k.token({ oid: aad('sam') }, { now: hourAgo }), 'expired'],
    ['not valid for another hour', (k) => k.token({ oid: aad('sam') }, { now: new Date(FIXED.getTime() + 3600_000) }), 'not_yet_valid'],
    ['alg "none" (unsigned)', () => unsignedToken({ iss: `https://sts.windows.net/${SSO_TENANT}/`, aud: SSO_AUDIENCE, tid: SSO_TENANT, oid: aad('sam'), scp: 'access_as_user', exp: nowS + 600, iat: nowS }), 'algorithm'],
    ['HS256 with a guessed secret', () => hmacToken({ oid: aad('sam'), tid: SSO_TENANT, aud: SSO_AUDIENCE, iss: `https://sts.windows.net/${SSO_TENANT}/`, scp: 'access_as_user', exp: nowS + 600, iat: nowS }, new TextEncoder().encode('x'.repeat(64))), 'algorithm'],
    ['signed by a key the tenant does not publish', (k) => k.token({ oid: aad('sam') }, { unpublishedKey: true }), 'signature'],
    ['no access_as_user scope (a token meant for something else)', (k) => k.token({ oid: aad('sam'), scp: 'User.Read' }), 'scope'],
    ['no oid claim', (k) => k.token({}), 'claims'],
    ['an oid that is not a GUID', (k) => k.token({ oid: 'sam' }), 'claims'],
    ['not a JWT at all', () => 'not-a-token', 'malformed'],
  ];
  for (const [what, make, expected] of table) {
    it(`${what}: ${expected === 'ok' ? 'accepted' : `refused (${expected})`}`, async () => {
      const token = await make(keys);
      if (expected === 'ok') return assert.deepEqual(await verifier.verify(token), { oid: aad('sam'), tid: SSO_TENANT });
      await assert.rejects(verifier.verify(token), (err: unknown) => err instanceof TeamsSsoError && err.reason === expected);
    });
  }

  it('refuses HS256 signed with the published public key itself (algorithm confusion)', async () => {
    const { importJWK } = await import('jose');
    const jwks = (await (await fetch(keys.jwksUrl)).json()) as { keys: Array<Record<string, unknown>> };
    const pub = await importJWK(jwks.keys[0] as Parameters<typeof importJWK>[0], 'RS256', { extractable: true });
    const pem = await exportSPKI(pub as Parameters<typeof exportSPKI>[0]);
    const token = await hmacToken({ oid: aad('sam'), tid: SSO_TENANT, aud: SSO_AUDIENCE, iss: `https://sts.windows.net/${SSO_TENANT}/`, scp: 'access_as_user', exp: nowS + 600, iat: nowS }, new TextEncoder().encode(pem));
    await assert.rejects(verifier.verify(token), (err: unknown) => err instanceof TeamsSsoError && err.reason === 'algorithm');
  });

  it('says the keys are unavailable (not "invalid") when the JWKS cannot be fetched', async () => {
    const offline = new TeamsSsoVerifier({ appId: SSO_APP_ID, tenantId: SSO_TENANT, publicUrl: SSO_PUBLIC_URL, jwksUrl: 'http://127.0.0.1:9/keys' }, { now: () => FIXED });
    await assert.rejects(offline.verify(await keys.token({ oid: aad('sam') })), (err: unknown) => err instanceof TeamsSsoError && err.reason === 'keys_unavailable');
  });

  it('refuses a configuration whose public URL is not https', () => {
    assert.throws(() => new TeamsSsoVerifier({ appId: SSO_APP_ID, tenantId: SSO_TENANT, publicUrl: 'http://seen.example.test' }), /https/);
  });
});

describe('Teams SSO: the coverage tab\'s API over HTTP', () => {
  let dir: string;
  let db: string;
  let keys: SsoKeys;
  let app: Seen;
  let base: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-sso-'));
    db = join(dir, 'seen.db');
    keys = await startSsoKeys(() => FIXED);
    app = await composeSeen(loadConfig({
      PORT: '0', ...testDbEnv(db), SEEN_LOG_LEVEL: 'silent',
      MicrosoftAppId: SSO_APP_ID, MicrosoftAppTenantId: SSO_TENANT, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'test-secret-not-used', SEEN_PUBLIC_URL: SSO_PUBLIC_URL, SEEN_TEAMS_SSO_JWKS_URL: keys.jwksUrl,
    }), createLogger('silent'), { now: () => TEST_NOW });
    base = (await app.listen()).url;
    await new SqlUserAdmin(app.db, () => TEST_NOW).update('lee', { disabled: true }, { actor: 'test', path: 'cli' }, 'user.disable', 'disabled');
  });
  after(async () => {
    await app?.close();
    await keys?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = async (path: string, claims: JWTPayload | null, headers: Record<string, string> = {}) => {
    const auth: Record<string, string> = claims ? { Authorization: `Bearer ${await keys.token(claims)}` } : {};
    const res = await fetch(`${base}${path}`, { headers: { ...auth, ...headers } });
    return { status: res.status, body: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } & Record<string, unknown> };
  };

  it('a supervisor gets their team\'s figures through the tab\'s API with a valid token: the same figures the CLI prints', async () => {
    const r = await get('/api/coverage/team', { oid: aad('sam') });
    assert.equal(r.status, 200);
    const expected = JSON.parse((await cli(['coverage', ...dbArgs(db), '--today', TEST_NOW.toISOString().slice(0, 10), '--team', 'North', '--format', 'json'])).out) as TeamCoverage;
    const report = r.body as unknown as TeamCoverage;
    assert.equal(report.team, 'North');
    assert.deepEqual([report.openCases, report.fatherSeen, report.domains], [expected.openCases, expected.fatherSeen, expected.domains]);
    const me = await get('/api/coverage/me', { oid: aad('sam') });
    assert.deepEqual(me.body.user, { id: 'sam', name: 'Sam Patel', role: 'supervisor', team: 'North' });
  });

  // [what, token claims (null: no token), extra headers, path, status, error code]
  const table: Array<[string, JWTPayload | null, Record<string, string>, string, number, string | null]> = [
    ['a partnership lead gets anonymised figures', { oid: aad('pat') }, {}, '/api/coverage/partnership', 200, null],
    ['a practitioner is refused the team view', { oid: aad('alex') }, {}, '/api/coverage/team', 403, 'Forbidden'],
    ['the token wins over ?user= and X-Seen-User (a practitioner cannot claim to be sam)', { oid: aad('alex') }, { 'X-Seen-User': 'sam' }, '/api/coverage/team?user=sam', 403, 'Forbidden'],
    ['a valid token for someone who is not a Seen user', { oid: STRANGER }, {}, '/api/coverage/me', 403, 'NotASeenUser'],
    ['a valid token for a disabled user', { oid: aad('lee') }, {}, '/api/coverage/me', 403, 'NotASeenUser'],
    ['a token for another audience', { oid: aad('sam'), aud: 'api://elsewhere.example/x' }, {}, '/api/coverage/team', 401, 'InvalidToken'],
    ['a token from another tenant', { oid: aad('sam'), tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` }, {}, '/api/coverage/team', 401, 'InvalidToken'],
    // (This app runs in demo mode on loopback, so without a token the page must name a demo user: none named, none served.)
    ['no token and no user named', null, {}, '/api/coverage/team', 401, 'UnknownUser'],
    ['an Authorization header that is not a bearer token', null, { Authorization: 'Basic c2FtOnNhbQ==' }, '/api/coverage/team', 401, 'InvalidToken'],
  ];
  for (const [what, claims, headers, path, status, code] of table) {
    it(`${what}: ${status}${code ? ` ${code}` : ''}`, async () => {
      const r = await get(path, claims, headers);
      assert.equal(r.status, status, JSON.stringify(r.body));
      if (code) assert.equal(r.body.error?.code, code);
      if (status >= 400) assert.doesNotMatch(JSON.stringify(r.body), /Sam Patel|DEMO-|North/, 'a refusal names nobody');
    });
  }

  it('an unsigned (alg none) token is refused with 401', async () => {
    const token = unsignedToken({ iss: `https://sts.windows.net/${SSO_TENANT}/`, aud: SSO_AUDIENCE, tid: SSO_TENANT, oid: aad('sam'), scp: 'access_as_user', exp: nowS + 600 });
    const res = await fetch(`${base}/api/coverage/team`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 401);
  });

  it('serves the tab page framable by Teams only, while the other pages stay unframable', async () => {
    const tab = await fetch(`${base}/teams/coverage`);
    assert.equal(tab.status, 200);
    const csp = tab.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
    assert.match(csp, /script-src 'self'(;|$)/, 'scripts still only from Seen');
    assert.equal(tab.headers.get('x-frame-options'), null);
    const page = await fetch(`${base}/coverage`);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    const js = await fetch(`${base}/vendor/teams-js.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.match(await js.text(), /getAuthToken/);
  });
});

describe('Teams SSO: not configured', () => {
  it('refuses a bearer token it cannot check rather than letting it fall through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seen-sso-off-'));
    const app = await composeSeen(loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' }), createLogger('silent'), { now: () => TEST_NOW });
    try {
      const base = (await app.listen()).url;
      const res = await fetch(`${base}/api/coverage/team?user=sam`, { headers: { Authorization: 'Bearer abc.def.ghi' } });
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'SignInNotConfigured');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
