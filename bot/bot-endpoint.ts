// POST /api/messages: rate limits per address and per conversation, the activity checked, then CloudAdapter's turn.
import type { Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Activity, TurnContext } from 'botbuilder';
import type { BotFrameworkTurns } from '../adapters/teams/cloud-adapter';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from 'pino';
import { InboundBotActivity, sanitizedBotResponse } from './http-guards';

/** Per-minute limits on /api/messages. */
export interface BotEndpointLimits { perConversation: number; perAddress: number }

/** What the endpoint needs. */
export interface BotEndpointDeps {
  cloudAdapter: BotFrameworkTurns;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  limits?: BotEndpointLimits;
}

/**
 * A warning that logs its first occurrence, then at most one line a minute saying how many more there were. Why:
 * anyone can send refused requests, and a line each would let them flood the logs.
 */
export function throttledWarning(logger: Logger, event: string, message: string, now: () => number = Date.now): (fields?: Record<string, unknown>) => void {
  let windowStart = -Infinity;
  let suppressed = 0;
  return (fields = {}) => {
    const t = now();
    if (t - windowStart < 60_000) {
      suppressed += 1;
      return;
    }
    logger.warn({ event, ...fields, ...(suppressed ? { suppressed } : {}) }, suppressed ? `${message} (${suppressed} more in the last minute)` : message);
    windowStart = t;
    suppressed = 0;
  };
}

// The Bot Framework sends times as ISO strings; TurnContext expects Dates (as CloudAdapter.process converts them).
function withDates(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/** The /api/messages router: refusals (400, 401, 429) run no turn, so they write no state and no audit rows. Order: address limit, activity shape, authentication, conversation limit, turn. */
export function botEndpoint(deps: BotEndpointDeps): Router {
  const { logger } = deps;
  const limits = deps.limits ?? { perConversation: 60, perAddress: 1200 };
  const unauthenticated = throttledWarning(logger, 'api_messages_unauthenticated', '/api/messages refused a request that is not authenticated for this bot');
  const limited = throttledWarning(logger, 'api_messages_rate_limited', '/api/messages rate limited');
  const limiter = (limit: number, what: string, keyGenerator: (req: Request) => string): RequestHandler =>
    rateLimit({
      windowMs: 60_000, limit, standardHeaders: 'draft-7', legacyHeaders: false, keyGenerator,
      logger: { error: (err: unknown) => logger.error({ err, event: 'rate_limit_error' }, 'rate limiter failed'), warn: () => undefined },
      handler: (_req, res) => {
        limited({ what });
        res.status(429).json({ error: { code: 'TooManyRequests', message: `too many activities ${what} in a minute: wait a moment and try again` } });
      },
    });

  const router = Router();
  // Why the address first: it is known before the body is read, and behind Azure Bot Service it is Microsoft's, so it is generous.
  router.post('/api/messages', limiter(limits.perAddress, 'from this address', (req) => `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`));
  router.post('/api/messages', (req, res, next) => {
    // Why: CloudAdapter throws (500) on a body that is not an activity; a client mistake is a 400.
    if (!InboundBotActivity.safeParse(req.body).success) {
      res.status(400).json({ error: { code: 'BadArgument', message: 'body must be an activity with a type, serviceUrl, channelId, conversation and from' } });
      return;
    }
    next();
  });
  const perConversation = limiter(limits.perConversation, 'in this conversation', (req) => `conversation:${String((req.body as { conversation: { id: string } }).conversation.id)}`);
  // Runs the per-conversation limiter inside the handler: true when it let the request through (else it answered 429).
  const admitted = (req: Request, res: Response): Promise<boolean> =>
    new Promise((resolve, reject) => {
      res.once('finish', () => resolve(false));
      void perConversation(req, res, (err?: unknown) => (err ? reject(err) : resolve(true)));
    });
  router.post('/api/messages', async (req: Request, res: Response) => {
    const out = sanitizedBotResponse(res, logger);
    const activity = withDates(req.body as Record<string, unknown>);
    try {
      const authenticated = await deps.cloudAdapter.authenticate(req.get('authorization') ?? '', activity);
      // Why after authentication: the conversation id is the client's to choose, so an unauthenticated stranger could
      // otherwise use up a real conversation's allowance.
      if (!(await admitted(req, res))) return;
      const invokeResponse = await deps.cloudAdapter.processTurn(authenticated, activity, deps.logic);
      out.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) out.send(invokeResponse.body);
      out.end();
    } catch (err) {
      // Why no stack: a 401 is the client's doing, one structured line (throttled) says enough; CloudAdapter's own
      // process() would print ~7 lines to stderr for each one.
      if (err instanceof AuthenticationError) unauthenticated({ status: 401 });
      else logger.error({ event: 'api_messages_failed', error: (err as Error).name }, '/api/messages turn failed');
      if (res.headersSent) return;
      out.status(err instanceof AuthenticationError ? 401 : 500);
      out.send('refused');
      out.end();
    }
  });
  return router;
}
