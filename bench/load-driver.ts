// One simulated practitioner over raw Direct Line 3.0 HTTP: start, post, one poll per turn, latency timed.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';

/** What a reply looks like to the practitioner (the fields the scripted answerer reads). */
export interface Reply {
  type: string;
  text?: string;
  from?: { id?: string };
  suggestedActions?: { actions?: Array<{ title?: string; value?: unknown }> };
}

/** A request that failed at the HTTP level, naming the operation and status; the body stays out of it. */
export class LoadHttpError extends Error {
  constructor(readonly operation: string, readonly status: number, options?: { cause?: unknown }) {
    super(`${operation} answered ${status}`, options);
    this.name = 'LoadHttpError';
  }
}

/** Server answers are a boundary: parse them rather than trust them. */
const tokenSchema = z.object({ conversationId: z.string().min(1), token: z.string().min(1) });
const postedSchema = z.object({ id: z.string().min(1) });
const activitySetSchema = z.object({
  activities: z.array(z.looseObject({ type: z.string(), text: z.string().optional(), from: z.looseObject({ id: z.string().optional() }).optional() })),
  watermark: z.string().optional(),
});

/** One timed turn: what the server said and how long it took from POST sent to replies received. */
export interface TimedTurn { latencyMs: number; replies: Reply[] }

/** A Direct Line conversation driven with fetch; `turn()` is POST then one GET after the watermark. */
export class DirectLineHttpConversation {
  private token = '';
  private conversationId = '';
  private watermark = '';

  /** `tokenServerSecret`: the Direct Line secret, sent to tokens/generate as a token server does (needed outside demo mode). */
  constructor(private base: string, readonly userId: string, private readonly tokenServerSecret?: string) {}

  /** Goes on with the same conversation and token at another address (the server restarted on a new port). */
  moveTo(base: string): void {
    this.base = base;
  }

  /** Gets a token, starts the conversation, and reads the greeting (not timed: this is set-up). */
  async start(): Promise<Reply[]> {
    const gen = tokenSchema.parse(await this.call('tokens/generate', 'POST', '/tokens/generate', { user: { id: this.userId } }, this.tokenServerSecret ?? false));
    this.token = gen.token;
    this.conversationId = gen.conversationId;
    tokenSchema.parse(await this.call('conversations', 'POST', '/conversations', undefined));
    return this.poll();
  }

  /** Posts one message and, once the POST returns (the bot's turn has finished), fetches its replies. */
  async turn(activity: Record<string, unknown>): Promise<TimedTurn> {
    const started = performance.now();
    postedSchema.parse(await this.call('post activity', 'POST', `/conversations/${this.conversationId}/activities`, { type: 'message', from: { id: this.userId }, ...activity }));
    const replies = await this.poll();
    return { latencyMs: performance.now() - started, replies };
  }

  // Everything after the watermark, minus the user's own echoed activities.
  private async poll(): Promise<Reply[]> {
    const set = activitySetSchema.parse(await this.call('get activities', 'GET', `/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, undefined));
    if (set.watermark !== undefined) this.watermark = set.watermark;
    return set.activities.filter((a) => a.from?.id !== this.userId) as Reply[];
  }

  // One HTTP call with the bearer token; non-2xx is a typed error.
  private async call(operation: string, method: string, path: string, body: unknown, auth: boolean | string = true): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) headers['authorization'] = `Bearer ${typeof auth === 'string' ? auth : this.token}`;
    let res: Response;
    try {
      res = await fetch(`${this.base}/v3/directline${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      throw new LoadHttpError(operation, 0, { cause });
    }
    if (!res.ok) {
      await res.arrayBuffer().catch(() => undefined);
      throw new LoadHttpError(operation, res.status);
    }
    return res.json();
  }
}

/** What the practitioner answers to the last reply of a turn; undefined means it cannot answer. */
export type LoadAnswerer = (reply: Reply) => string | Record<string, unknown> | undefined;

/** The outcome of one scripted conversation: every turn's latency, everything sent, and how it ended. */
export interface ConversationRun {
  latencies: number[];
  sent: Array<string | Record<string, unknown>>;
  completed: boolean;
  error?: string;
}

/** How a scripted run knows it is done and when an answer is really an error. */
export interface ScriptOptions {
  first: string;
  answerer: LoadAnswerer;
  done: (replies: Reply[]) => boolean;
  isError: (reply: Reply) => boolean;
  maxTurns: number;
}

/** Sends `first`, then answers the last reply of each turn until `done`; a bot error, HTTP error or silence ends it. */
export async function runScripted(conv: DirectLineHttpConversation, opts: ScriptOptions): Promise<ConversationRun> {
  const run: ConversationRun = { latencies: [], sent: [], completed: false };
  let next: string | Record<string, unknown> | undefined = opts.first;
  try {
    for (let i = 0; i < opts.maxTurns && next !== undefined; i++) {
      run.sent.push(next);
      const { latencyMs, replies } = await conv.turn(typeof next === 'string' ? { text: next } : next);
      run.latencies.push(latencyMs);
      if (replies.some(opts.isError)) return { ...run, error: 'the bot reported a turn error' };
      if (opts.done(replies)) return { ...run, completed: true };
      const last = replies.at(-1);
      if (!last) return { ...run, error: 'a turn had no reply' };
      next = opts.answerer(last);
      if (next === undefined) return { ...run, error: 'the practitioner could not answer a prompt' };
    }
    return { ...run, error: `not finished after ${opts.maxTurns} turns` };
  } catch (err) {
    return { ...run, error: err instanceof LoadHttpError ? err.message : `unexpected failure: ${(err as Error).name}` };
  }
}

/** Replays a fixed list of messages (the floor): each must get at least one reply. */
export async function runReplay(conv: DirectLineHttpConversation, messages: ReadonlyArray<string | Record<string, unknown>>): Promise<ConversationRun> {
  const run: ConversationRun = { latencies: [], sent: [], completed: false };
  try {
    for (const m of messages) {
      run.sent.push(m);
      const { latencyMs, replies } = await conv.turn(typeof m === 'string' ? { text: m } : m);
      run.latencies.push(latencyMs);
      if (replies.length === 0) return { ...run, error: 'a turn had no reply' };
    }
    return { ...run, completed: true };
  } catch (err) {
    return { ...run, error: err instanceof LoadHttpError ? err.message : `unexpected failure: ${(err as Error).name}` };
  }
}
