import assert from 'node:assert/strict';
import { DownloadLinks } from '../../adapters/export/download-links';
import { loadOrCreateSecret } from '../../adapters/directline/tokens';
import { t } from '../../prompts';
import { SqlAuditLog } from '../../adapters/sql/audit-log';
import { CookieClient, signIn, startSignInSeen, type SignInSeen } from '../helpers/signin';
import { unzip } from '../helpers/zip';

// The download behind an export link: a valid link for the signed-in user gives the file; an expired, tampered or
// someone else's link, or a user without access, is refused, and every attempt is in the audit trail.
describe('bot: export download links', function () {
  this.timeout(60_000);
  let s: SignInSeen;
  let links: DownloadLinks;
  const clients: Record<string, CookieClient> = {};
  before(async () => {
    s = await startSignInSeen();
    const secret = await loadOrCreateSecret(s.seen.db, 'export.download_secret');
    links = new DownloadLinks(secret, () => new Date(), s.base);
    for (const who of ['alex', 'sam', 'kim']) {
      clients[who] = new CookieClient();
      await signIn(clients[who], s.base, who);
    }
  });
  after(() => s.close());

  const exportsOn = async (ref: string) => (await new SqlAuditLog(s.seen.db).listForCase(ref)).filter((e) => e.operation === 'summaries.export').map((e) => [e.actor, e.path, e.outcome, e.detail]);

  it('a valid Markdown link, for the signed-in user, gives the file as an attachment, named and never cached; audited', async () => {
    const url = await links.link('alex', 'DEMO-3', 'md');
    const a = await clients['alex']!.request(url);
    assert.equal(a.status, 200, a.text);
    assert.match(a.headers.get('content-type') ?? '', /^text\/markdown; charset=utf-8/);
    assert.match(a.headers.get('content-disposition') ?? '', /^attachment; filename="?seen-DEMO-3-summaries\.md"?$/);
    assert.equal(a.headers.get('cache-control'), 'no-store');
    assert.match(a.text, /^## Father-inclusive summary: Marcus \(fictional\)/);
    assert.match(a.text, /written by Alex Morgan on/);
    assert.deepEqual((await exportsOn('DEMO-3')).at(-1), ['alex', 'export', 'ok', 'md:1']);
  });

  it('a valid Word link gives a .docx whose document holds the summary', async () => {
    const url = await links.link('alex', 'DEMO-3', 'docx');
    const res = await fetch(url, { headers: { cookie: clients['alex']!.cookieHeader(url) } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = unzip(new Uint8Array(await res.arrayBuffer())).get('word/document.xml')?.toString('utf8') ?? '';
    assert.ok(xml.includes('Marcus (fictional)'));
  });

  it('someone not signed in is sent to sign in first, and comes back to the file', async () => {
    const url = await links.link('alex', 'DEMO-3', 'md');
    const fresh = new CookieClient();
    const first = await fresh.request(url);
    assert.equal(first.status, 302);
    assert.match(first.headers.get('location') ?? '', /^\/signin\?returnTo=%2Fexport%2Fdownload%3Ftoken%3D/);
    const { answers } = await signIn(fresh, s.base, 'alex', { start: url.slice(s.base.length) });
    assert.equal(answers.at(-1)!.status, 200);
    assert.match(answers.at(-1)!.text, /^## Father-inclusive summary/);
  });

  const refusals: Array<[string, string, () => Promise<string>, number, string, (string | null)[] | undefined]> = [
    ['an expired link', 'alex', async () => new DownloadLinks(await loadOrCreateSecret(s.seen.db, 'export.download_secret'), () => new Date(Date.now() - 11 * 60_000), s.base).link('alex', 'DEMO-3', 'md'), 410, t('export.linkExpired'), undefined],
    ['a tampered link (the case changed in the payload)', 'alex', async () => {
      const url = new URL(await links.link('alex', 'DEMO-3', 'md'));
      const [h, p, sig] = url.searchParams.get('token')!.split('.');
      const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
      url.searchParams.set('token', [h, Buffer.from(JSON.stringify({ ...claims, ref: 'DEMO-4' })).toString('base64url'), sig].join('.'));
      return url.href;
    }, 403, t('export.linkInvalid'), undefined],
    ['a link signed with another key', 'alex', () => new DownloadLinks('z'.repeat(43), () => new Date(), s.base).link('alex', 'DEMO-3', 'md'), 403, t('export.linkInvalid'), undefined],
    ['a link with no token', 'alex', async () => `${s.base}/export/download`, 400, t('export.linkInvalid'), undefined],
    ['another user\'s link (even a supervisor who may read the case)', 'sam', () => links.link('alex', 'DEMO-3', 'md'), 403, t('export.linkOtherUser'), ['sam', 'export', 'denied', 'md:0']],
    ['a link for a case the user may not read', 'kim', () => links.link('kim', 'DEMO-3', 'docx'), 403, t('common.notAllowed'), ['kim', 'export', 'denied', 'docx:0']],
    ['a link for a case that does not exist', 'alex', () => links.link('alex', 'NOPE-1', 'md'), 404, t('export.linkGone'), undefined],
  ];
  for (const [what, who, url, status, message, entry] of refusals) {
    it(`refuses ${what}: ${status}, said plainly${entry ? ', and audited' : ''}`, async () => {
      const before = (await exportsOn('DEMO-3')).length;
      const a = await clients[who]!.request(await url());
      assert.equal(a.status, status, a.text);
      assert.equal(a.text, message);
      assert.doesNotMatch(a.text, /Marcus|Father-inclusive/);
      const after = await exportsOn('DEMO-3');
      if (entry) assert.deepEqual(after.at(-1), entry);
      else assert.equal(after.length, before, 'nothing exported');
    });
  }
});
