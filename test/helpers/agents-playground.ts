// The Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) started against Seen, and driven in Chromium:
// typing, pressing suggested actions and card buttons; the bot's messages are read from the Playground's own stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, WebSocket } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';

/** A message the bot sent, as the Playground's UI receives it. */
export interface PlaygroundMessage {
  text?: string;
  suggestedActions?: { actions: Array<{ title?: string; value?: unknown }> };
  attachments?: Array<{ contentType: string; content: unknown }>;
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)[:/]/;

/** Where the Playground's CLI is; a missing package fails the test with the reason, never skips it. */
function playgroundCli(): string {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch (err) {
    throw new Error('the Agents Playground cannot start: @microsoft/m365agentsplayground is not installed (npm ci installs it as a dev dependency)', { cause: err });
  }
}

/** Starts the Playground on a random port against `endpoint` as Teams; fails with its output when it does not start. */
async function startProcess(endpoint: string, cwd: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [playgroundCli(), '-e', endpoint, '-c', 'msteams', '-p', '0', '--dt'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: cwd } });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Agents Playground did not start within 60 s; its output: ${output.slice(-2000)}`)), 60_000);
    const read = (d: Buffer) => {
      output += d.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the Agents Playground exited (code ${code}) before listening; its output: ${output.slice(-2000)}`)); });
  });
  return { child, port };
}

/** A running Playground with its UI open in Chromium, offline (every request that is not loopback is refused). */
export class AgentsPlayground {
  /** Every message the bot sent, in order. */
  readonly messages: PlaygroundMessage[] = [];
  /** The Playground's conversation id (personal chat), once it has one. */
  conversationId: string | undefined;

  private constructor(
    private readonly child: ChildProcess, readonly port: number, private readonly browser: Browser, readonly page: Page, private readonly dir: string,
    /** Requests the page tried outside this machine (refused): fonts from a CDN, nothing else expected. */
    readonly refused: string[],
  ) {}

  /** Starts the Playground against Seen's /api/messages and opens its UI. */
  static async start(endpoint: string): Promise<AgentsPlayground> {
    const dir = mkdtempSync(join(tmpdir(), 'seen-playground-'));
    const { child, port } = await startProcess(endpoint, dir);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const refused: string[] = [];
      await browser.context.route('**/*', (r) => (LOOPBACK.test(r.request().url()) ? r.continue() : (refused.push(r.request().url()), r.abort())));
      const page = await browser.context.newPage();
      const pg = new AgentsPlayground(child, port, browser, page, dir, refused);
      page.on('websocket', (ws) => pg.listen(ws));
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await pg.editor().waitFor({ timeout: 120_000 });
      return pg;
    } catch (err) {
      await browser?.close();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  // The Playground pushes every message to its UI over this stream; the bot's are kept.
  private listen(ws: WebSocket): void {
    if (!ws.url().includes('/_ws_conversation/')) return;
    ws.on('framereceived', (frame) => {
      const data = JSON.parse(String(frame.payload)) as { action?: string; actionConversationId?: string; message?: PlaygroundMessage & { from?: { id?: string } } };
      if (data.action !== 'createMessage' || !data.message) return;
      this.conversationId ??= data.actionConversationId;
      if (data.message.from?.id !== 'user-id-0') this.messages.push(data.message);
    });
  }

  private editor() {
    return this.page.locator('[data-lexical-editor="true"]');
  }

  /** Types a message into the compose box and sends it. */
  async type(text: string): Promise<void> {
    const box = this.editor();
    await box.click();
    await box.fill(text);
    await box.press('Enter');
  }

  /** Presses a suggested action (the buttons under the last message) by its label. */
  async pressSuggested(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).last().click();
  }

  /** Presses a button on the latest Adaptive Card by its label. */
  async pressCard(label: string): Promise<void> {
    await this.page.locator('.ac-adaptiveCard').last().getByRole('button', { name: label, exact: true }).first().click();
  }

  /** Posts a message into the chat as the bot would (through the Playground's connector), e.g. a card to press. */
  async postAsBot(activity: Record<string, unknown>): Promise<void> {
    if (!this.conversationId) throw new Error('the Playground has no conversation yet');
    const res = await fetch(`http://127.0.0.1:${this.port}/_connector/v3/conversations/${encodeURIComponent(this.conversationId)}/activities`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', ...activity }),
    });
    if (!res.ok) throw new Error(`the Playground refused the bot's message: ${res.status} ${await res.text()}`);
  }

  /**
   * Waits for at least one new bot message after `from` (and, with `until`, for the new ones to satisfy it), then until
   * none arrives for `quietMs`; returns the new ones.
   */
  async settle(from: number, what: string, { quietMs = 1_000, timeoutMs = 90_000, until = (_: PlaygroundMessage[]): boolean => true } = {}): Promise<PlaygroundMessage[]> {
    const deadline = Date.now() + timeoutMs;
    let seen = this.messages.length;
    let quietSince = Date.now();
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no answer in the Playground to ${what} within ${timeoutMs} ms; last: ${JSON.stringify(this.messages.slice(-2).map((m) => m.text))}`);
      await new Promise((r) => setTimeout(r, 100));
      if (this.messages.length !== seen) { seen = this.messages.length; quietSince = Date.now(); }
      if (this.messages.length > from && Date.now() - quietSince >= quietMs && until(this.messages.slice(from))) return this.messages.slice(from);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.child.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
