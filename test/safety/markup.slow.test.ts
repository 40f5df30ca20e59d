// Markup in notes (<script>, <img onerror>, javascript: links) is shown as text everywhere: web chat (real Chromium,
// no script runs), the review card, and the Markdown and JSON exports of the saved summary.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Activity } from 'botframework-directlinejs';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { main, type CliIo } from '../../bin/cli';
import { layoutSummary } from '../../views/exporters/summary-view';
import { summaryCards } from '../../views/cards/summary-card';
import { channelOf } from '../../views/channels';
import { t } from '../../prompts';
import { scriptedPractitioner } from '../../bench/practitioner';
import { textOf } from '../helpers/directline-client';
import { launchChromium, openWatchedPage, type Browser } from '../helpers/chromium';
import { testDbEnv, dbArgs } from '../helpers/database';

const NOW = new Date('2026-11-26T10:00:00Z');
/** Each would set window.__pwned (or open a dialog) if it ever ran. */
const SCRIPT = '<script>window.__pwned="script"</script>';
const IMG = '<img src=x onerror="window.__pwned=\'img\'">';
const LINK = '[open the plan](javascript:window.__pwned="link")';
const SVG = '<svg onload=alert("svg")>';
const TYPED = `${IMG} ${SCRIPT} ${LINK}`;

describe('safety: markup in notes is shown as text everywhere', function () {
  this.timeout(120_000);
  let dir: string;
  let seen: Seen;
  let base: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-markup-'));
    const config = loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent', SEEN_RATE_MESSAGES_PER_MINUTE: '100000' });
    seen = await composeSeen(config, createLogger('silent'), { now: () => new Date(NOW) });
    base = (await seen.listen()).url;
    browser = await launchChromium();
    page = await openWatchedPage(browser, errors);
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  });

  after(async () => {
    await browser?.close();
    await seen?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('web chat shows typed markup and a whole write-up full of it as text; nothing runs; the exports escape it', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Alex Morgan').check();
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.locator('#webchat p', { hasText: 'Hello Alex' }).first().waitFor({ timeout: 20_000 });

    const sendBox = page.getByRole('textbox').last();
    await sendBox.fill(TYPED);
    await sendBox.press('Enter');
    await page.locator('#webchat').getByText(SCRIPT, { exact: false }).first().waitFor({ timeout: 15_000 });

    // The rest of the write-up is typed through the same conversation from here (the page keeps its token).
    const state = JSON.parse((await page.evaluate(() => localStorage.getItem('seen.webchat.v1'))) ?? 'null') as { conversationId: string; token: string };
    const dl = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const res = await fetch(`${base}/v3/directline/conversations/${state.conversationId}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${state.token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
      assert.ok(res.ok, `${method} ${path}: ${res.status}`);
      return res.json() as Promise<{ activities: Activity[]; watermark?: string }>;
    };
    const answer = scriptedPractitioner({ 'writeup.askLocation': `Home ${SCRIPT}`, 'writeup.askPresent': `Dan ${IMG} and ${SVG}`, 'writeup.askActions': `${LINK}\n${SCRIPT} follow up` });
    const saved = t('writeup.saved', { version: 1, man: 'Dan (fictional)', ref: 'DEMO-1' });
    let watermark = '';
    let next: unknown = 'write up DEMO-1';
    for (let turn = 0; turn < 120; turn++) {
      // Posted as Web Chat posts what is typed (textFormat plain); see the report on clients that omit it.
      await dl('POST', '/activities', typeof next === 'string' ? { type: 'message', text: next, textFormat: 'plain' } : { type: 'message', ...(next as object) });
      const page1 = await dl('GET', `/activities?watermark=${watermark}`);
      watermark = page1.watermark ?? watermark;
      const replies = page1.activities.filter((a) => a.type === 'message' && a.from?.id !== 'alex');
      if (replies.some((a) => textOf(a) === saved)) break;
      next = answer(replies.at(-1) as never);
      assert.ok(next !== undefined, `cannot answer ${JSON.stringify(textOf(replies.at(-1)!))}`);
    }
    await page.locator('#webchat p', { hasText: 'Saved as version 1' }).first().waitFor({ timeout: 20_000 });

    // The review card rendered in the browser carried the markup: it is there as text, and nothing ran.
    const webchat = page.locator('#webchat');
    await webchat.getByText('javascript:window.__pwned', { exact: false }).first().waitFor({ timeout: 10_000 });
    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: [...document.querySelectorAll('#webchat script')].length,
      handlers: [...document.querySelectorAll('#webchat *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
      jsLinks: [...document.querySelectorAll('#webchat a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      injectedImgs: [...document.querySelectorAll('#webchat img')].filter((i) => i.getAttribute('src') === 'x').length,
      svgs: [...document.querySelectorAll('#webchat svg')].filter((s) => s.getAttribute('onload') !== null).length,
    }));
    assert.deepEqual(dom, { pwned: undefined, scripts: 0, handlers: 0, jsLinks: 0, injectedImgs: 0, svgs: 0 });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused to/i.test(e)), [], 'no blocked script: none was ever injected');

    // The stored summary keeps the words exactly; every export shows them as text.
    const summary = (await seen.records.latestSummaries('DEMO-1'))[0]!;
    assert.equal(summary.contact.location, `Home ${SCRIPT}`);
    const card = JSON.stringify(summaryCards(layoutSummary(summary, { manName: 'Dan (fictional)', manRole: 'birth_father', fictional: true }), channelOf('webchat')));
    let md = '';
    const io: CliIo = { stdout: (x) => (md += x), stderr: () => undefined, readStdin: async () => Buffer.alloc(0) };
    assert.equal(await main(['export', 'DEMO-1', '--format', 'md', ...dbArgs(join(dir, 'seen.db'))], io), 0);
    for (const [name, text] of [['card', card], ['markdown', md]] as const) {
      assert.doesNotMatch(text, /<script|<img|<svg/i, `${name}: raw tags`);
      assert.doesNotMatch(text, /(?<!\\)\]\(javascript:/i, `${name}: a javascript: link (an unescaped "](")`);
      assert.match(text, /&lt;script/, `${name}: the tag is shown as text`);
    }
  });
});
