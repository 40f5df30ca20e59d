// Issue 12, tried as an attacker would: Seen on HOST=0.0.0.0 and a client on another address (a network namespace joined
// by a veth pair, made and removed here). Without sign-in every path refuses. And Seen refuses to start unsafely (exit 2).
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { testDbEnv } from '../helpers/database';
import { quietly } from '../helpers/quietly';

const APP_ID = '00000000-0000-4000-8000-000000000b07';
const SECRET = 'a-configured-direct-line-secret-0123456789';
const tag = String(process.pid % 10000);
const NS = `seen-t${tag}`;
const HOST_IF = `vs${tag}`;
const PEER_IF = `vc${tag}`;
const octet = (process.pid % 200) + 20;
const SERVER_IP = `10.213.${octet}.1`;
const CLIENT_IP = `10.213.${octet}.2`;

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

/** Creates the namespace and veth pair; returns why not, when it cannot. */
function createNamespace(): string | undefined {
  try {
    ip('netns', 'add', NS);
    ip('link', 'add', HOST_IF, 'type', 'veth', 'peer', 'name', PEER_IF);
    ip('link', 'set', PEER_IF, 'netns', NS);
    ip('addr', 'add', `${SERVER_IP}/30`, 'dev', HOST_IF);
    ip('link', 'set', HOST_IF, 'up');
    ip('netns', 'exec', NS, 'ip', 'addr', 'add', `${CLIENT_IP}/30`, 'dev', PEER_IF);
    ip('netns', 'exec', NS, 'ip', 'link', 'set', PEER_IF, 'up');
    ip('netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up');
    return undefined;
  } catch (err) {
    removeNamespace();
    return (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
  }
}
function removeNamespace(): void {
  for (const args of [['link', 'del', HOST_IF], ['netns', 'del', NS]]) {
    try { ip(...args); } catch { /* already gone */ }
  }
}

/** One request from inside the namespace with curl (asynchronously: Seen answers from this same process): the status and the body. */
async function remote(method: string, url: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  const args = ['netns', 'exec', NS, 'curl', '-s', '-m', '10', '-X', method, '-w', '\n%{http_code}', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`])];
  if (body !== undefined) args.push('-H', 'content-type: application/json', '--data-binary', body);
  args.push(url);
  const { stdout: out } = await promisify(execFile)('ip', args, { encoding: 'utf8' });
  const cut = out.lastIndexOf('\n');
  return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) };
}

describe('safety: a client on another address (network namespace), Seen on HOST=0.0.0.0', function () {
  this.timeout(120_000);
  let seen: Seen | undefined;
  let dir: string;
  let base = '';
  let capture: Server;
  let captured = 0;
  let captureUrl = '';

  before(async function () {
    const why = createNamespace();
    if (why) {
      process.stdout.write(`      skipped: cannot create a network namespace with a veth pair (${why}); needs root and iproute2\n`);
      this.skip();
    }
    capture = createServer((req, res) => { captured += 1; req.resume(); res.end('{}'); });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', () => resolve()));
    const a = capture.address();
    captureUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
    dir = mkdtempSync(join(tmpdir(), 'seen-remote-'));
    const config = loadConfig({
      PORT: '0', HOST: '0.0.0.0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', SEEN_DEMO: '1', SEEN_DIRECTLINE_SECRET: SECRET,
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-password',
      SEEN_OIDC_ISSUER: 'http://127.0.0.1:9/issuer', SEEN_OIDC_CLIENT_ID: 'seen', SEEN_OIDC_CLIENT_SECRET: 'x', SEEN_PUBLIC_URL: 'https://seen.example.org',
    });
    seen = await composeSeen(config, createLogger('silent'));
    const { server } = await seen.listen();
    const address = server.address();
    base = `http://${SERVER_IP}:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(async () => {
    await seen?.close();
    capture?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    removeNamespace();
  });

  const activity = JSON.stringify({ type: 'message', text: 'prepare DEMO-4', serviceUrl: '', channelId: 'msteams', conversation: { id: 'a:attack' }, from: { id: 'jo', aadObjectId: '00000000-0000-4000-8000-0000000000j0' }, recipient: { id: 'seen' } });
  // [what, method, path, headers, body, expected status]
  const table: Array<[string, string, string, Record<string, string>, string | undefined, number]> = [
    ['the web chat page', 'GET', '/', { accept: 'text/html' }, undefined, 302],
    ['the coverage page', 'GET', '/coverage', { accept: 'text/html' }, undefined, 302],
    ['the page under another Host (DNS rebinding)', 'GET', '/', { host: 'attacker.example', accept: 'text/html' }, undefined, 302],
    ['the chat script', 'GET', '/chat.js', {}, undefined, 401],
    ['the demo user list', 'GET', '/api/demo-users', {}, undefined, 403],
    ['team.csv as sam by ?user=', 'GET', '/api/coverage/team.csv?user=sam', {}, undefined, 401],
    ['coverage as sam by X-Seen-User', 'GET', '/api/coverage/me', { 'x-seen-user': 'sam' }, undefined, 401],
    ['partnership figures', 'GET', '/api/coverage/partnership?user=pat', {}, undefined, 401],
    ['a supervision discussion as sam', 'POST', '/api/coverage/discussions?user=sam', {}, JSON.stringify({ caseRef: 'DEMO-1', manId: 'demo-1-dan' }), 401],
    ['the session token endpoint', 'POST', '/api/session/directline', {}, '{}', 401],
    ['a Direct Line token for any user id, without the secret', 'POST', '/v3/directline/tokens/generate', {}, JSON.stringify({ user: { id: 'jo' } }), 401],
    ['a Direct Line token with a wrong secret', 'POST', '/v3/directline/tokens/generate', { authorization: `Bearer ${SECRET}x` }, JSON.stringify({ user: { id: 'jo' } }), 403],
    ['starting a Direct Line conversation without a token', 'POST', '/v3/directline/conversations', {}, undefined, 401],
    ['reading a Direct Line conversation with a made-up token', 'GET', '/v3/directline/conversations/abcdefgh12345678/activities', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' }, undefined, 403],
    ['/api/messages as jo, no Bot Framework token', 'POST', '/api/messages', {}, 'ACTIVITY', 401],
    ['/api/messages as jo, a forged Bot Framework token', 'POST', '/api/messages', { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhdHRhY2tlciJ9.x' }, 'ACTIVITY', 401],
  ];
  for (const [what, method, path, headers, body, status] of table) {
    it(`${what}: ${method} ${path} → ${status}`, async () => {
      const r = await quietly(() => remote(method, `${base}${path}`, headers, body === 'ACTIVITY' ? activity.replace('"serviceUrl":""', `"serviceUrl":"${captureUrl}"`) : body));
      assert.equal(r.status, status, r.body);
      assert.doesNotMatch(r.body, /DEMO-|Dan|Tom|Sam Patel|fictional/, 'nothing about a case or a person');
      if (status === 302) assert.doesNotMatch(r.body, /<script/);
    });
  }

  it('nothing was sent to the serviceUrl the attacker chose, and nothing was recorded', async () => {
    assert.equal(captured, 0);
    assert.equal((await seen!.db.all('SELECT * FROM supervision_discussions')).length, 0);
  });

  it('/healthz answers and says nothing else', async () => {
    const r = await remote('GET', `${base}/healthz`);
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { status: 'ok' });
  });
});

describe('safety: Seen refuses to start off loopback without MicrosoftAppId and sign-in', function () {
  this.timeout(60_000);
  const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  const entry = join(__dirname, '..', '..', 'bot', 'index.ts');
  const table: Array<[string, Record<string, string>, RegExp]> = [
    ['HOST=0.0.0.0 with SEEN_DIRECTLINE_SECRET and no MicrosoftAppId (the attack in issue 12)', { HOST: '0.0.0.0', SEEN_DIRECTLINE_SECRET: SECRET }, /MicrosoftAppId is unset/],
    ['HOST=0.0.0.0 with MicrosoftAppId but no sign-in', { HOST: '0.0.0.0', MicrosoftAppId: APP_ID }, /SEEN_OIDC_ISSUER is unset/],
  ];
  for (const [what, env, reason] of table) {
    it(`${what}: one line, exit code 2, nothing listening`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'seen-refuse-'));
      try {
        const r = spawnSync(tsx, [entry], { env: { ...process.env, PORT: '0', SEEN_LOG_LEVEL: 'info', ...testDbEnv(join(dir, 'seen.db')), ...env }, encoding: 'utf8', timeout: 30_000 });
        assert.equal(r.status, 2, r.stderr);
        const lines = r.stderr.trim().split('\n');
        assert.equal(lines.length, 1, r.stderr);
        assert.match(lines[0]!, /^seen: refusing to start: /);
        assert.match(lines[0]!, reason);
        assert.equal(r.stdout, '', 'it never started');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
