// The web chat page in real Chromium against the REAL Seen bot: greeting, help, start a write-up, click a suggested action.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { t } from '../../prompts';
import { startSeenInBrowser, type SeenInBrowser } from '../helpers/seen-in-browser';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** A message rendered in Web Chat's transcript (markdown paragraphs), not its screen-reader copies. */
const said = (page: Page, text: string) => page.locator('#webchat p', { hasText: text }).first();

/** The first plain-text stretch of some wording (before any markdown), long enough to be distinctive. */
const fragment = (wording: string, from = 0): string => wording.split(/\n\n/)[from]!.split(/\*\*|[?;'’]/)[0]!.trim();

describe('web chat page (Chromium) with the real Seen bot', function () {
  this.timeout(90_000);
  let session: SeenInBrowser;
  let base: string;
  let page: Page;
  let consoleErrors: string[];

  before(async () => {
    session = await startSeenInBrowser('seen-web-');
    ({ base, page, consoleErrors } = session);
  });

  after(() => session?.close());

  it('alex is greeted, gets help, starts a write-up of DEMO-1 and picks Dan with a suggested-action button', async () => {
    const response = await page.goto(`${base}/`);
    assert.equal(response?.status(), 200);
    await page.getByLabel('Alex Morgan').check();
    await page.getByRole('button', { name: 'Start chatting' }).click();

    const greeting = fragment(t('common.greeting', { name: 'Alex' }));
    assert.match(greeting, /^Hello Alex, I am Seen/);
    await said(page, greeting).waitFor({ timeout: 20_000 });

    const sendBox = page.getByRole('textbox').last();
    await sendBox.fill('help');
    await sendBox.press('Enter');
    const help = fragment(t('common.help'), 1);
    assert.ok(help.length > 20, `help fragment "${help}"`);
    await said(page, help).waitFor({ timeout: 15_000 });

    await sendBox.fill('write up DEMO-1');
    await sendBox.press('Enter');
    await said(page, fragment(t('writeup.askMan', { baby: 'Baby Ava (fictional)' }))).waitFor({ timeout: 15_000 });
    const buttons = page.locator('#webchat').getByRole('toolbar', { name: 'Suggested actions' });
    const dan = buttons.getByRole('button', { name: 'Dan (fictional)' });
    await dan.waitFor({ timeout: 15_000 });
    await buttons.getByRole('button', { name: t('writeup.addMan') }).waitFor();
    await dan.click();

    await said(page, fragment(t('writeup.started', { man: 'Dan (fictional)', ref: 'DEMO-1', baby: 'Baby Ava (fictional)' }))).waitFor({ timeout: 15_000 });
    await page.locator('#webchat .ac-adaptiveCard').getByText(t('guided.contactTitle')).first().waitFor({ timeout: 15_000 });
    await page.locator('#webchat').getByText('Connecting…', { exact: true }).waitFor({ state: 'hidden', timeout: 15_000 });

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'seen-webchat.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
  });
});
