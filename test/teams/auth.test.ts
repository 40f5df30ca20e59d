// With MicrosoftAppId set, /api/messages refuses requests without a valid Bot Framework token: 401, never 500, nothing sent.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { startCaptureChannel } from '../helpers/capture-channel';
import { testDbEnv } from '../helpers/database';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
/** A JWT signed with a key only this test knows, claiming whatever the forger likes. */
function forge(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', 'not-microsofts-key').update(body).digest('base64url')}`;
}

describe('Teams: /api/messages with MicrosoftAppId set refuses forged or missing tokens', function () {
  this.timeout(30_000);
  let dir: string;
  let seen: Seen;
  let base: string;
  let channel: Awaited<ReturnType<typeof startCaptureChannel>>;
  const now = Math.floor(new Date('2026-11-26T10:00:00Z').getTime() / 1000);

  // Why: CloudAdapter prints every refused request with console.error; the test checks the status instead.
  const consoleError = console.error;
  before(async () => {
    console.error = () => undefined;
    dir = mkdtempSync(join(tmpdir(), 'seen-auth-'));
    channel = await startCaptureChannel();
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' });
    seen = await composeSeen(config, createLogger('silent'), { now: () => new Date('2026-11-26T10:00:00Z') });
    base = (await seen.listen()).url;
  });
  after(async () => {
    console.error = consoleError;
    await seen?.close();
    await channel?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const activity = () => ({
    type: 'message', id: 'm1', channelId: 'msteams', serviceUrl: channel.base, text: 'help',
    from: { id: '29:alex', aadObjectId: '00000000-0000-4000-8000-000000000001' }, recipient: { id: `28:${APP_ID}`, name: 'Seen' }, conversation: { id: 'a:auth' },
  });
  const cases: Array<[string, Record<string, string>]> = [
    ['no Authorization header', {}],
    ['a bearer token that is not a JWT', { authorization: 'Bearer not-a-token' }],
    ['a forged token from an issuer Bot Framework does not use', { authorization: `Bearer ${forge({ iss: 'https://evil.example', aud: APP_ID, iat: now, nbf: now, exp: now + 3600, serviceurl: 'x' })}` }],
    ['a forged token claiming the emulator issuer (keys unreachable offline, or no matching key online)', { authorization: `Bearer ${forge({ iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', aud: APP_ID, appid: APP_ID, ver: '1.0', iat: now, nbf: now, exp: now + 3600 }, { alg: 'none', typ: 'JWT' })}` }],
    ['a Basic header', { authorization: 'Basic YWxleDpzZWNyZXQ=' }],
  ];
  for (const [what, headers] of cases) {
    it(`401 for ${what}`, async () => {
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity()) });
      assert.equal(res.status, 401, await res.text());
      assert.equal(channel.captured.length, 0, 'nothing reaches the channel');
    });
  }
});
