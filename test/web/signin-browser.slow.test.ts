// Real sign-in in Chromium: the test OpenID provider's login page, chat with the real Seen bot as the signed-in user,
// the coverage page as a supervisor, then sign-out, after which the old Direct Line token and the old cookie are dead.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { t } from '../../prompts';
import { launchChromium, openWatchedPage, type Browser } from '../helpers/chromium';
import { startSignInSeen, type SignInSeen } from '../helpers/signin';

/** A message rendered in Web Chat's transcript. */
const said = (page: Page, text: string) => page.locator('#webchat p', { hasText: text }).first();
const fragment = (wording: string, from = 0): string => wording.split(/\n\n/)[from]!.split(/\*\*|[?;'’]/)[0]!.trim();

describe('web sign-in in Chromium (test OpenID provider)', function () {
  this.timeout(120_000);
  let s: SignInSeen;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    s = await startSignInSeen();
    browser = await launchChromium();
    page = await openWatchedPage(browser, consoleErrors);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('sam signs in at the provider, chats as herself, opens coverage, signs out; the old token and cookie no longer work', async () => {
    // Seen sends her to the provider's login page.
    await page.goto(`${s.base}/`);
    await page.waitForURL(new RegExp(`^${s.provider.issuer}/interaction/`), { timeout: 20_000 });
    await page.fill('#login', 'sam');
    await page.click('#continue');
    await page.waitForURL(`${s.base}/`, { timeout: 20_000 });

    // No picker: she chats as the signed-in user.
    assert.equal(await page.locator('#picker').isVisible(), false);
    await said(page, fragment(t('common.greeting', { name: 'Sam' }))).waitFor({ timeout: 30_000 });
    await page.getByText('you are Sam Patel').waitFor();
    const sendBox = page.getByRole('textbox').last();
    await sendBox.fill('help');
    await sendBox.press('Enter');
    await said(page, fragment(t('common.help'), 1)).waitFor({ timeout: 30_000 });
    const saved = await page.evaluate(() => localStorage.getItem('seen.webchat.v1'));
    const chatToken = (JSON.parse(saved ?? '{}') as { token?: string; conversationId?: string });
    assert.ok(chatToken.token && chatToken.conversationId, 'the page kept its Direct Line token');

    // Coverage as a supervisor, from the session alone.
    await page.goto(`${s.base}/coverage`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    assert.equal(await page.locator('#team').isVisible(), true, 'her team is shown');
    assert.equal(await page.locator('#user').isDisabled(), true, 'no picking someone else');

    const cookies = await browser.context.cookies(s.base);
    const sid = cookies.find((c) => c.name === 'seen.sid');
    assert.ok(sid, 'session cookie');
    assert.equal(sid.httpOnly, true);
    assert.equal(sid.sameSite, 'Lax');

    // Sign out from the chat page.
    await page.goto(`${s.base}/`);
    await page.locator('#signout-button').waitFor({ state: 'visible', timeout: 20_000 });
    await page.click('#signout-button');
    await page.waitForURL(`${s.base}/signed-out`, { timeout: 20_000 });
    await page.getByText(t('signin.signedOutTitle')).waitFor();

    // The old cookie and the old Direct Line token are dead.
    const withCookie = await fetch(`${s.base}/api/coverage/me`, { headers: { cookie: `seen.sid=${sid.value}` } });
    assert.equal(withCookie.status, 401);
    const latest = await s.seen.db.all<{ jti: string; retired: number }>('SELECT jti, retired FROM directline_tokens');
    assert.ok(latest.length > 0 && latest.every((r) => Number(r.retired) === 1), 'every token minted for the session is retired');
    const withToken = await fetch(`${s.base}/v3/directline/conversations/${chatToken.conversationId}/activities`, { headers: { authorization: `Bearer ${chatToken.token}` } });
    assert.equal(withToken.status, 403);
    const refreshed = await fetch(`${s.base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${chatToken.token}` } });
    assert.equal(refreshed.status, 403);

    // Back to Seen: it goes through the provider again (which still remembers her) and makes a brand-new session.
    await page.goto(`${s.base}/`);
    await said(page, fragment(t('common.greeting', { name: 'Sam' }))).waitFor({ timeout: 30_000 });
    const again = (await browser.context.cookies(s.base)).find((c) => c.name === 'seen.sid');
    assert.ok(again && again.value !== sid.value, 'a new session, not the old one');
    const audit = await s.seen.db.all<{ operation: string }>("SELECT operation FROM audit_log WHERE path = 'web' ORDER BY seq");
    assert.deepEqual(audit.map((a) => a.operation), ['signin', 'signout', 'signin']);
    assert.deepEqual(consoleErrors.filter((e) => !/401|403|Failed to load resource/.test(e)), []);
  });
});
