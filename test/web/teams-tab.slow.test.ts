// The Teams coverage tab in real Chromium, framed by a stand-in Teams host that speaks teams-js's postMessage protocol.
//
// How it stays honest: teams-js only answers a parent whose origin is https and on its own list of Teams hosts, so the
// host page is served at https://teams.microsoft.com and the tab at https://seen.example.test, both by Playwright's
// request routing (nothing leaves the machine): Seen's own responses, unmodified, reach the tab. The host answers
// exactly two calls, `initialize` and `authentication.getAuthToken`, the latter with a token signed by a local JWKS that
// Seen fetches over loopback; Seen's verifier and the coverage API are the real ones.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page, Route } from 'playwright-core';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import type { TeamCoverage } from '../../records/coverage';
import { DEMO_USERS } from '../../records/demo-data';
import { launchChromium, openWatchedPage, type Browser } from '../helpers/chromium';
import { seen as cli } from '../coverage/helpers';
import { testDbEnv, dbArgs } from '../helpers/database';
import { SSO_APP_ID, SSO_PUBLIC_URL, SSO_TENANT, startSsoKeys, type SsoKeys } from '../../bench/teams-sso-keys';

const HOST_ORIGIN = 'https://teams.microsoft.com';
const NOW = new Date('2026-11-26T10:00:00Z');
const aad = (id: string) => DEMO_USERS.find((u) => u.id === id)!.aadObjectId!;

/** The stand-in Teams client: frames the tab and answers teams-js's initialize and getAuthToken messages. */
function hostPage(token: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Teams host (test)</title></head><body>
<iframe id="tab" src="${SSO_PUBLIC_URL}/teams/coverage" style="width:1000px;height:700px"></iframe>
<script>
  window.hostLog = [];
  var runtime = JSON.stringify({ apiVersion: 4, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } }, isLegacyTeams: false, supports: {} });
  window.addEventListener('message', function (e) {
    if (e.origin !== ${JSON.stringify(SSO_PUBLIC_URL)} || !e.data || typeof e.data.func !== 'string') return;
    var m = e.data;
    window.hostLog.push(m.func);
    var reply = function (args) { e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args: args }, e.origin); };
    if (m.func === 'initialize') reply(['content', 'web', runtime, '2.0.0']);
    else if (m.func === 'authentication.getAuthToken') reply([true, ${JSON.stringify(token)}]);
  });
</script></body></html>`;
}

describe('Teams coverage tab (Chromium, teams-js host protocol)', function () {
  this.timeout(120_000);
  let dir: string;
  let db: string;
  let keys: SsoKeys;
  let app: Seen;
  let base: string;
  let browser: Browser;
  const consoleErrors: string[] = [];
  const apiAuth: Array<{ path: string; bearer: boolean }> = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-teams-tab-'));
    db = join(dir, 'seen.db');
    keys = await startSsoKeys(() => NOW);
    app = await composeSeen(loadConfig({
      PORT: '0', ...testDbEnv(db), SEEN_LOG_LEVEL: 'silent',
      MicrosoftAppId: SSO_APP_ID, MicrosoftAppPassword: 'test-secret-not-used', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: SSO_TENANT,
      SEEN_PUBLIC_URL: SSO_PUBLIC_URL, SEEN_TEAMS_SSO_JWKS_URL: keys.jwksUrl,
    }), createLogger('silent'), { now: () => NOW });
    base = (await app.listen()).url;
    browser = await launchChromium();
    // The tab's origin is Seen, reached through the router: same requests, same responses.
    await browser.context.route(`${SSO_PUBLIC_URL}/**`, async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname.startsWith('/api/coverage')) apiAuth.push({ path: url.pathname, bearer: /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/.test((await route.request().allHeaders()).authorization ?? '') });
      const response = await route.fetch({ url: `${base}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    });
    // teams-js asks Microsoft's CDN for its list of hosts; offline, it falls back to the list it ships.
    await browser.context.route('https://res.cdn.office.net/**', (route: Route) => route.abort());
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await keys?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openTab(oid: string): Promise<{ page: Page; tab: Frame }> {
    const token = await keys.token({ oid });
    const page = await openWatchedPage(browser, consoleErrors);
    await page.route(`${HOST_ORIGIN}/**`, (route: Route) => route.fulfill({ status: 200, contentType: 'text/html', body: hostPage(token) }));
    await page.goto(`${HOST_ORIGIN}/_test/host`);
    const frame = await (await page.waitForSelector('#tab')).contentFrame();
    assert.ok(frame, 'the tab is framed');
    await frame.waitForSelector('body[data-ready="true"], body[data-ready="error"]', { timeout: 30_000 });
    return { page, tab: frame };
  }

  it('a supervisor opens the tab: teams-js gets the SSO token from the host, and the team\'s figures show (the CLI\'s figures)', async () => {
    const { page, tab } = await openTab(aad('sam'));
    assert.equal(await tab.getAttribute('body', 'data-ready'), 'true', await tab.textContent('#status') ?? '');
    assert.match((await tab.textContent('#who')) ?? '', /Sam Patel \(supervisor, North\)/);
    const expected = JSON.parse((await cli(['coverage', ...dbArgs(db), '--today', '2026-11-26', '--team', 'North', '--format', 'json'])).out) as TeamCoverage;
    const figures = await tab.$$eval('#team-figures tbody tr', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.measure, [r.querySelector('.count')!.textContent, r.querySelector('.total')!.textContent].map(Number)])));
    assert.deepEqual(figures.father_seen, [expected.fatherSeen.count, expected.fatherSeen.total]);
    for (const [d, f] of Object.entries(expected.domains)) assert.deepEqual(figures[`own_account_${d}`], [f.count, f.total], d);
    assert.ok(await tab.evaluate(() => (window as unknown as { Chart: { getChart(id: string): unknown } }).Chart.getChart('team-chart') !== undefined), 'Chart.js drew the chart');
    const log = (await page.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog)) as string[];
    assert.equal(log[0], 'initialize', 'teams-js started with the host handshake');
    assert.ok(log.includes('authentication.getAuthToken'), 'and asked the host for the SSO token');
    assert.ok(apiAuth.length >= 2 && apiAuth.every((a) => a.bearer), `every coverage API call carried the bearer token: ${JSON.stringify(apiAuth)}`);
    // Seen's CSP (connect-src 'self') blocks teams-js's fetch of its host list from Microsoft's CDN, on purpose: Seen's
    // pages load nothing from a CDN, and teams-js then uses the list it ships. Any other console error fails the test.
    assert.deepEqual(consoleErrors.filter((e) => !/res\.cdn\.office\.net\/teams-js\/validDomains/.test(e)), []);
    await page.close();
  });

  it('someone with a valid Teams token who is not a Seen user sees only that they should ask their administrator', async () => {
    const { page, tab } = await openTab('abcdefab-cdef-4abc-8def-abcdefabcdef');
    assert.equal(await tab.getAttribute('body', 'data-ready'), 'error');
    assert.equal(await tab.textContent('#status'), 'You are not a Seen user. Please ask your Seen administrator to add you.');
    assert.equal(await tab.isHidden('#team'), true);
    await page.close();
    consoleErrors.length = 0; // the 403 itself is logged by Chromium as a failed resource
  });

  it('opened outside Teams (no host), the page says so and calls no API', async () => {
    const before = apiAuth.length;
    const page = await openWatchedPage(browser, []);
    await page.goto(`${SSO_PUBLIC_URL}/teams/coverage`);
    await page.waitForSelector('body[data-ready="error"]');
    assert.match((await page.textContent('#status')) ?? '', /inside Microsoft Teams/);
    assert.equal(apiAuth.length, before);
    await page.close();
  });
});
