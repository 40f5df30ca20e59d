// Launches Debian's Chromium through playwright-core with Seen's fixed flags and a fresh profile; never skips.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/** Where the browser must be; a missing binary fails the test rather than skipping it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags CONTRIBUTING.md fixes for browser tests. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** A running browser context and how to dispose of it and its profile. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh user data dir; throws a clear error if the binary is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium); browser tests do not skip`);
  const profile = mkdtempSync(join(tmpdir(), 'seen-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1100, height: 800 },
    locale: 'en-GB',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a page that collects console errors and uncaught page errors into `errors`, so tests can assert there were none. */
export async function openWatchedPage(browser: Browser, errors: string[]): Promise<import('playwright-core').Page> {
  const page = await browser.context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return page;
}
