// HTTP guards: the loopback test, rate limits, the JSON depth limit and the least a Bot Framework activity must be (who may reach what: web-access.ts).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { z } from 'zod';

/** True for 127.0.0.0/8 and ::1, in plain or IPv4-mapped form. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** A refusal body in the same `{ error: { code, message } }` shape as every other answer. */
function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** The limits, per minute. */
export interface RateLimits { messagesPerMinute: number; requestsPerMinute: number }

/** Rate limiters: keyed by the Direct Line token's verified user, else by address. `/api/messages` is not limited here. */
export function rateLimiters(limits: RateLimits, tokenUser: (token: string) => Promise<string | undefined>, logger: Logger): { messages: RequestHandler; requests: RequestHandler } {
  const keyOf = async (req: Request): Promise<string> => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const user = match?.[1] ? await tokenUser(match[1]) : undefined;
    return user ? `user:${user}` : `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
  };
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    keyGenerator: keyOf,
    // express-rate-limit's own warnings go to pino, not the console.
    logger: { error: (err: unknown) => logger.error({ err, event: 'rate_limit_error' }, 'rate limiter failed'), warn: (err: unknown) => logger.warn({ err, event: 'rate_limit_warning' }, 'rate limiter warning') },
  };
  const handler = (what: string) => (req: Request, res: Response) => {
    logger.debug({ event: 'rate_limited', what, method: req.method }, 'rate limited');
    refuse(res, 429, 'TooManyRequests', `too many ${what} in a minute: wait a moment and try again`);
  };
  const isMessagePost = (req: Request) => req.method === 'POST' && /^\/v3\/directline\/conversations\/[^/]+\/activities$/.test(req.path);
  return {
    messages: rateLimit({ ...common, limit: limits.messagesPerMinute, skip: (req) => !isMessagePost(req), handler: handler('messages') }),
    requests: rateLimit({ ...common, limit: limits.requestsPerMinute, skip: (req) => req.path === '/api/messages' || req.path === '/healthz', handler: handler('requests') }),
  };
}

/** The response surface CloudAdapter.process writes to (botbuilder's own Response interface). */
export interface BotResponse { socket: unknown; end(...args: unknown[]): unknown; header(name: string, value: unknown): unknown; send(...args: unknown[]): unknown; status(code: number): unknown }

/** Passes CloudAdapter's answers through, but replaces any error body (it sends err.message) with a fixed code and message. */
export function sanitizedBotResponse(res: Response, logger: Logger): BotResponse {
  let status = 200;
  return {
    socket: res.socket,
    header: (name, value) => res.header(name, value as string),
    status: (code) => { status = code; return res.status(code); },
    send: (...args) => {
      if (status < 400) return res.send(...(args as [unknown]));
      // Not a warning: bot-endpoint.ts logs refusals once, throttled; this would be a line per request.
      logger.debug({ event: 'api_messages_refused', status }, 'bot framework request refused');
      const code = status === 401 ? 'Unauthorized' : status >= 500 ? 'ServiceError' : 'BadArgument';
      return res.json({ error: { code, message: status === 401 ? 'the request is not authenticated for this bot' : status >= 500 ? 'internal error' : 'bad request' } });
    },
    end: (...args) => (res.writableEnded ? undefined : res.end(...(args as []))),
  };
}

/** An http(s) URL, the only kind of serviceUrl the Bot Framework uses. */
const HttpUrl = z.string().max(2048).refine((s) => { try { return ['http:', 'https:'].includes(new URL(s).protocol); } catch { return false; } }, 'expected an http(s) URL');
/** A channel account: an id, whatever else it carries. */
const Account = z.looseObject({ id: z.string().min(1).max(512) });

/** The least an activity posted to /api/messages must be before CloudAdapter sees it (it throws 500 on less). */
export const InboundBotActivity = z.looseObject({
  type: z.string().min(1).max(64),
  serviceUrl: HttpUrl,
  channelId: z.string().min(1).max(64),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: Account,
  recipient: Account.optional(),
  id: z.string().max(512).optional(),
  text: z.string().optional(),
  name: z.string().max(512).optional(),
  locale: z.string().max(35).optional(),
  membersAdded: z.array(Account).max(100).optional(),
  membersRemoved: z.array(Account).max(100).optional(),
});

/** How deeply any JSON body may nest; Bot Framework activities and card values need well under this. */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests deeper than `max` (arrays and objects), checked without recursion so no body can overflow the stack. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses (400) a parsed JSON body nested deeper than `max`; it once reached JSON.stringify and came back a 500. */
export function jsonDepthGuard(max = MAX_JSON_DEPTH): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.body !== undefined && nestsDeeperThan(req.body, max)) return refuse(res, 400, 'BadArgument', `the JSON body is nested more than ${max} levels deep`);
    return next();
  };
}
