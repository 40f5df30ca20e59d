// One Direct Line conversation driven over plain HTTP against whichever Seen instance a turn names, and a WebSocket
// reader (directlinejs) held on one instance: the tools of the two-instance test (issue 8).
import type { Activity } from 'botframework-directlinejs';
import type { Db } from '../../adapters/sql/database';
import { textOf, type DlUser } from './directline-client';

// directline-client (imported above) has given directlinejs Node's XMLHttpRequest and WebSocket.
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

/** A stored activity as Direct Line returns it: always with its `<conversation>|<seq>` id. */
export type Stored = Activity & { id: string };

/** What one turn did: where the message went, where the replies were read, and the bot's replies. */
export interface Turn {
  sentTo: string;
  readFrom: string;
  sent: string;
  /** The id the instance that ran the turn gave the user's message. */
  messageId: string;
  replies: Stored[];
}

/** Polls `check` every 25 ms until it returns a value; after `timeoutMs` fails with `what` and `seen()`. */
export async function pollUntil<T>(what: string, check: () => Promise<T | undefined> | T | undefined, seen: () => string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; seen ${seen()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Starts one instance per tag (`start(tag)` must make that instance's PostgreSQL sessions carry the tag as
 * application_name) while `db`'s `cases` table takes no inserts (reads pass), and lets inserts through only once every
 * instance is waiting on a lock or has finished starting. Why: two start-up demo seeds that check "no cases yet" and
 * then insert then both find the table empty, every run, instead of once in a while.
 */
export async function startRacingTheSeed<T>(db: Db, tags: readonly string[], start: (tag: string) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const settled = new Set<string>();
  let starts: Promise<PromiseSettledResult<T>>[] = [];
  const waiting = async () =>
    (await db.all<{ app: string }>(`SELECT DISTINCT application_name AS app FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name IN (${tags.map(() => '?').join(', ')})`, tags)).map((r) => r.app);
  try {
    await db.transaction(async (tx) => {
      await tx.run('LOCK TABLE cases IN SHARE MODE');
      starts = tags.map((tag) => start(tag).then(
        (value) => (settled.add(tag), { status: 'fulfilled', value } as const),
        (reason: unknown) => (settled.add(tag), { status: 'rejected', reason } as const),
      ));
      let last: string[] = [];
      await pollUntil('every instance to wait behind the lock on cases, or to have started', async () => {
        last = await waiting();
        return tags.every((tag) => last.includes(tag) || settled.has(tag)) ? true : undefined;
      }, () => `waiting ${JSON.stringify(last)}, settled ${JSON.stringify([...settled])}`, 30_000);
    });
  } finally {
    // Committed or rolled back, the lock is gone: every start now ends one way or the other (even when the wait failed).
    await Promise.all(starts);
  }
  return Promise.all(starts);
}

/** One conversation over plain Direct Line HTTP; any instance sharing the database may serve any request. */
export class HttpConversation {
  /** Every activity read so far, in seq order, whichever instance it was read from. */
  readonly transcript: Stored[] = [];
  readonly turns: Turn[] = [];
  private watermark = '';

  constructor(readonly user: DlUser, readonly conversationId: string, private readonly token: string) {}

  /** Bot messages read so far. */
  botMessages(): Stored[] {
    return this.transcript.filter((a) => a.type === 'message' && a.from?.id !== this.user.id);
  }

  /** The last few texts read, for failure messages. */
  tail(n = 6): string {
    return JSON.stringify(this.transcript.slice(-n).map((a) => `${a.from?.id}: ${textOf(a)}`));
  }

  /** GET activities after the watermark from `base`; appends them to the transcript and returns them. */
  async read(base: string): Promise<Stored[]> {
    const page = (await this.call(base, 'GET', `/activities?watermark=${this.watermark}`)) as { activities: Stored[]; watermark?: string };
    this.transcript.push(...page.activities);
    this.watermark = page.watermark ?? this.watermark;
    return page.activities;
  }

  /**
   * Posts `text` to `sentTo`, then polls `readFrom` until the message and at least one bot message after it are read;
   * returns that turn's bot replies (Seen answers the POST once the turn has committed, so one read usually suffices).
   */
  async turn(sentTo: string, readFrom: string, input: string | { value: unknown }, timeoutMs = 10_000): Promise<Turn> {
    // A string is typed; `{ value }` is a card's submission (no text), as Web Chat sends it.
    const text = typeof input === 'string' ? input : '';
    const { id: messageId } = (await this.call(sentTo, 'POST', '/activities', typeof input === 'string' ? { type: 'message', text } : { type: 'message', value: input.value })) as { id: string };
    const replies = await pollUntil(`the reply to ${JSON.stringify(text)} (sent to ${sentTo}, read from ${readFrom})`, async () => {
      await this.read(readFrom);
      const at = this.transcript.findIndex((a) => a.id === messageId);
      const after = at < 0 ? [] : this.transcript.slice(at + 1).filter((a) => a.from?.id !== this.user.id);
      return after.some((a) => a.type === 'message') ? after : undefined;
    }, () => this.tail(), timeoutMs);
    const turn: Turn = { sentTo, readFrom, sent: text, messageId, replies };
    this.turns.push(turn);
    return turn;
  }

  // One Direct Line request for this conversation with its bearer token; a non-2xx answer throws with its body.
  private async call(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${base}/v3/directline/conversations/${this.conversationId}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${base} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }
}

/** A directlinejs client on the WebSocket stream of one instance, collecting what it is pushed. */
export class WsConversation {
  readonly seen: Activity[] = [];
  private readonly client: InstanceType<typeof DirectLine>;
  private readonly subscription: { unsubscribe(): void };

  constructor(base: string, options: { token: string; conversationId: string }) {
    this.client = new DirectLine({ ...options, webSocket: true, domain: `${base}/v3/directline` });
    this.subscription = this.client.activity$.subscribe((a) => this.seen.push(a));
  }

  /** Ids of everything pushed so far. */
  ids(): string[] {
    return this.seen.map((a) => a.id ?? '');
  }

  /** Resolves once an activity with each of `ids` has been pushed; fails after `timeoutMs` with what was pushed. */
  async waitForIds(ids: readonly string[], timeoutMs = 10_000): Promise<void> {
    await pollUntil(`the WebSocket to push ${JSON.stringify(ids)}`, () => (ids.every((id) => this.ids().includes(id)) ? true : undefined),
      () => JSON.stringify(this.ids().slice(-6)), timeoutMs);
  }

  /** Closes the socket and stops the client. */
  end(): void {
    this.subscription.unsubscribe();
    this.client.end();
  }
}
