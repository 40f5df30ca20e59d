// Drives Seen's Direct Line endpoint with Microsoft's botframework-directlinejs in Node, and a scripted write-up loop.
import type { Activity } from 'botframework-directlinejs';
import type { Answerer } from '../../bench/practitioner';

// DirectLineJS is a browser library: give it Node's XMLHttpRequest and WebSocket before it is loaded.
(globalThis as Record<string, unknown>)['XMLHttpRequest'] ??= require('xhr2');
(globalThis as Record<string, unknown>)['WebSocket'] ??= require('ws');
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');
type Client = InstanceType<typeof DirectLine>;

/** The user a client speaks as. */
export interface DlUser { id: string; name?: string }

/** A message activity's text ('' when it has none). */
export const textOf = (a: Activity): string => (a.type === 'message' ? ((a as { text?: string }).text || cardWording(a)) : '');

// A card with no text is known by its wording: the line under its heading (a topic's question), or else its heading.
function cardWording(a: Activity): string {
  const card = (a as { attachments?: { contentType: string; content: unknown }[] }).attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content as { body?: { type?: string; text?: string }[] } | undefined;
  const blocks = (card?.body ?? []).filter((b) => b.type === 'TextBlock' && typeof b.text === 'string').map((b) => b.text!);
  return blocks[1] ?? blocks[0] ?? '';
}

/** A token for `user` and a started conversation (so the bot has greeted), over plain HTTP. */
export async function startConversation(base: string, user: DlUser): Promise<{ conversationId: string; token: string }> {
  const post = async (path: string, init: { token?: string; body?: unknown }) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    const res = await fetch(`${base}/v3/directline${path}`, { method: 'POST', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { conversationId: string; token: string };
  };
  const gen = await post('/tokens/generate', { body: { user } });
  const started = await post('/conversations', { token: gen.token });
  return { conversationId: gen.conversationId, token: started.token };
}

/** A directlinejs client whose received activities are collected, with waits that fail with what was seen. */
export class DlConversation {
  readonly seen: Activity[] = [];
  private listeners: (() => void)[] = [];
  private readonly subscription: { unsubscribe(): void };
  private lastArrival = Date.now();
  /** When the last post was acknowledged: Seen answers a post only after the bot's turn, so replies are stored by then. */
  private lastAcked = 0;
  private readonly pollingInterval: number;
  readonly client: Client;

  constructor(base: string, readonly user: DlUser, options: { token: string; conversationId?: string; pollingInterval?: number }) {
    this.pollingInterval = options.pollingInterval ?? 200;
    this.client = new DirectLine({ token: options.token, conversationId: options.conversationId, webSocket: false, domain: `${base}/v3/directline`, pollingInterval: this.pollingInterval });
    this.subscription = this.client.activity$.subscribe((a) => {
      this.seen.push(a);
      this.lastArrival = Date.now();
      for (const l of this.listeners.slice()) l();
    });
  }

  /** Activities from the bot (anyone but this user). */
  botReplies(): Activity[] {
    return this.seen.filter((a) => a.from?.id !== this.user.id);
  }

  /** Texts of every message seen, in order. */
  texts(): string[] {
    return this.seen.filter((a) => a.type === 'message').map(textOf);
  }

  /** Resolves once `match` holds for what has been seen; rejects after `timeoutMs` with the transcript. */
  waitFor(what: string, match: (seen: Activity[]) => boolean, timeoutMs = 10_000): Promise<void> {
    if (match(this.seen)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (!match(this.seen)) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}; last texts ${JSON.stringify(this.texts().slice(-6))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
    });
  }

  /** Waits for a message with exactly this text. */
  waitForText(text: string, timeoutMs?: number): Promise<void> {
    return this.waitFor(JSON.stringify(text), (all) => all.some((a) => textOf(a) === text), timeoutMs);
  }

  /**
   * Waits until more than `after` bot replies exist, nothing new arrived for `quietMs`, and a full poll (plus 100 ms for its answer) has passed
   * since the last post was acknowledged (so a turn's replies are never split across two polls); returns the new replies.
   */
  async settle(after: number, quietMs = 300, timeoutMs = 10_000): Promise<Activity[]> {
    await this.waitFor(`a bot reply after #${after}`, () => this.botReplies().length > after, timeoutMs);
    const settledAt = () => Math.max(this.lastArrival + quietMs, this.lastAcked + this.pollingInterval + 100);
    while (Date.now() < settledAt()) await new Promise((r) => setTimeout(r, settledAt() - Date.now() + 5));
    return this.botReplies().slice(after);
  }

  /** Posts a message (text, or a whole partial activity such as a card submit) as this user; resolves with its id. */
  send(message: string | Partial<Activity>): Promise<string> {
    const body = typeof message === 'string' ? { type: 'message', text: message } : { type: 'message', ...message };
    return new Promise((resolve, reject) => {
      this.client.postActivity({ ...body, from: { id: this.user.id, name: this.user.name } } as Activity).subscribe({
        next: (id) => {
          this.lastAcked = Date.now();
          resolve(id);
        },
        error: reject,
      });
    });
  }

  /** Stops polling and drops listeners. */
  end(): void {
    this.subscription.unsubscribe();
    this.listeners = [];
    this.client.end();
  }
}

/** Options for `converse`: stop condition and bounds. */
export interface ConverseOptions {
  /** Stop (without answering) once a settled batch contains a reply matching this. */
  until: (reply: Activity) => boolean;
  maxTurns?: number;
  deadlineMs?: number;
  quietMs?: number;
}

/** One exchange of a scripted conversation: what the bot last said, and what was answered. */
export interface Exchange { asked: string; answered: string }

/**
 * Sends `first` (if given), then repeatedly waits for the bot's replies to settle and answers the last one with
 * `answerer`, until `until` matches. Fails when the answerer has nothing to say, or after maxTurns / deadlineMs.
 */
export async function converse(conv: DlConversation, answerer: Answerer, first: string | Partial<Activity> | undefined, options: ConverseOptions): Promise<Exchange[]> {
  const { maxTurns = 120, deadlineMs = 90_000, quietMs = 300 } = options;
  const deadline = Date.now() + deadlineMs;
  const log: Exchange[] = [];
  let before = conv.botReplies().length;
  if (first !== undefined) await conv.send(first);
  for (let turn = 0; turn < maxTurns; turn++) {
    if (Date.now() > deadline) throw new Error(`conversation not finished within ${deadlineMs} ms; last: ${JSON.stringify(log.slice(-3))}`);
    const batch = await conv.settle(before, quietMs);
    if (batch.some(options.until)) return log;
    const last = batch[batch.length - 1]!;
    const answer = answerer(last as never);
    if (answer === undefined) throw new Error(`the scripted practitioner cannot answer: ${JSON.stringify(textOf(last))}; batch ${JSON.stringify(batch.map(textOf))}`);
    before = conv.botReplies().length;
    log.push({ asked: textOf(last), answered: typeof answer === 'string' ? answer : JSON.stringify(answer) });
    await conv.send(answer as string | Partial<Activity>);
  }
  throw new Error(`conversation not finished after ${maxTurns} turns; last: ${JSON.stringify(log.slice(-3))}`);
}
