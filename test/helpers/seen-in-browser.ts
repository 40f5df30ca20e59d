// Seen composed in this process (demo clock, a file database in a temp folder) with a watched headless Chromium page,
// the setup every web chat browser test starts from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import { launchChromium, openWatchedPage, type Browser } from './chromium';
import { testDbEnv } from './database';

/** A running Seen and a browser page on it; `consoleErrors` collects the page's errors; `close` stops both and removes the folder. */
export interface SeenInBrowser { seen: Seen; base: string; browser: Browser; page: Page; consoleErrors: string[]; close(): Promise<void> }

/** Starts Seen on a random port with the demo clock (2026-11-26 10:00 UTC) and opens a watched Chromium page. */
export async function startSeenInBrowser(prefix: string): Promise<SeenInBrowser> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const consoleErrors: string[] = [];
  const seen = await composeSeen(loadConfig({ PORT: '0', ...testDbEnv(join(dir, 'seen.db')), SEEN_LOG_LEVEL: 'silent' }), createLogger('silent'), { now: () => new Date('2026-11-26T10:00:00Z') });
  const base = (await seen.listen()).url;
  const browser = await launchChromium();
  const page = await openWatchedPage(browser, consoleErrors);
  const close = async () => {
    await browser.close();
    await seen.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { seen, base, browser, page, consoleErrors, close };
}
