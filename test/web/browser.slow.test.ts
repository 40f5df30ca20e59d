// The web chat page in real Chromium: pick a demo user, talk to the echo bot through Seen's Direct Line, reload to resume.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Db } from '../../adapters/sql/database';
import { openTestDb } from '../helpers/database';
import { launchChromium, openWatchedPage } from '../helpers/chromium';
import type { Browser } from '../helpers/chromium';
import { GREETING, TEST_USERS, echoOf, startEchoServer } from '../helpers/echo-bot';
import type { EchoServer } from '../helpers/echo-bot';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** A message rendered in Web Chat's transcript (markdown paragraphs), not its screen-reader copies. */
const said = (page: Page, text: string) => page.locator('#webchat p', { hasText: text });

describe('web chat page (Chromium)', function () {
  this.timeout(60_000);
  let db: Db;
  let server: EchoServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    db = await openTestDb();
    server = await startEchoServer({ db, stream: true });
    browser = await launchChromium();
    page = await openWatchedPage(browser, consoleErrors);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('lets a demo user chat with the bot, and a reload resumes the same conversation', async () => {
    const response = await page.goto(`${server.base}/`);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.equal(await page.title(), 'Seen');
    await page.getByText('helps you see, engage and assess the fathers and male carers of babies under one').waitFor();
    await page.getByText('demo users — fictional').waitFor();

    const user = TEST_USERS[0];
    await page.getByLabel(user.name).check();
    await page.getByRole('button', { name: 'Start chatting' }).click();

    await said(page, GREETING).waitFor({ timeout: 15_000 });
    const sendBox = page.getByRole('textbox').last();
    await sendBox.fill('help');
    await sendBox.press('Enter');
    await said(page, echoOf('help')).waitFor({ timeout: 15_000 });

    // Web Chat's visible "Connecting…" notice must clear: the stream is up, not just history loaded.
    await page.locator('#webchat').getByText('Connecting…', { exact: true }).waitFor({ state: 'hidden', timeout: 15_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'webchat.png'), fullPage: true });

    await page.reload();
    await said(page, echoOf('help')).waitFor({ timeout: 15_000 });
    assert.equal(await said(page, GREETING).count(), 1, 'same conversation, greeted once');

    const cspErrors = consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e));
    assert.deepEqual(cspErrors, []);
    assert.deepEqual(consoleErrors, []);
  });

  it('starts a fresh conversation and switches user on request', async () => {
    await page.getByRole('button', { name: 'Start a new conversation' }).click();
    await said(page, echoOf('help')).waitFor({ state: 'detached', timeout: 15_000 });
    await said(page, GREETING).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByLabel(TEST_USERS[1].name).check();
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.getByText(`you are ${TEST_USERS[1].name}`).waitFor();
    await said(page, GREETING).waitFor({ timeout: 15_000 });
    assert.deepEqual(consoleErrors, []);
  });
});
