// `export DEMO-3` in the real Web Chat bundle in Chromium: the files show as downloads, and the Word file downloads and opens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { t } from '../../prompts';
import { startSeenInBrowser, type SeenInBrowser } from '../helpers/seen-in-browser';
import { unzip } from '../helpers/zip';

describe('web chat page (Chromium): export <case> gives downloadable files', function () {
  this.timeout(90_000);
  let session: SeenInBrowser;
  let base: string;
  let page: Page;
  let consoleErrors: string[];

  before(async () => {
    session = await startSeenInBrowser('seen-web-export-');
    ({ base, page, consoleErrors } = session);
  });

  after(() => session?.close());

  it('alex says "export DEMO-3": two download links (data: URLs with file names), the Markdown to copy, and the .docx opens', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Alex Morgan').check();
    await page.getByRole('button', { name: 'Start chatting' }).click();
    const sendBox = page.getByRole('textbox').last();
    await sendBox.waitFor({ timeout: 20_000 });
    await sendBox.fill('export DEMO-3');
    await sendBox.press('Enter');

    const link = (name: string) => page.locator(`#webchat a.webchat__fileContent__buttonLink[download="${name}"]`);
    await link('seen-DEMO-3-summaries.docx').waitFor({ timeout: 20_000 });
    for (const name of ['seen-DEMO-3-summaries.md', 'seen-DEMO-3-summaries.docx']) assert.match(await link(name).getAttribute('href') ?? '', /^data:[^,]+;base64,/, name);
    await page.locator('#webchat pre code', { hasText: 'Father-inclusive summary: Marcus' }).first().waitFor({ timeout: 15_000 });
    await page.locator('#webchat p', { hasText: t('export.readyFiles', { ref: 'DEMO-3', count: 1 }) }).first().waitFor({ timeout: 15_000 });

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), link('seen-DEMO-3-summaries.docx').click()]);
    assert.equal(download.suggestedFilename(), 'seen-DEMO-3-summaries.docx');
    const path = await download.path();
    const xml = unzip(readFileSync(path)).get('word/document.xml')?.toString('utf8') ?? '';
    assert.ok(xml.includes('Marcus (fictional)'), 'the downloaded Word file holds the summary');
    assert.deepEqual(consoleErrors, []);
  });
});
