// The Direct Line 3.0 REST surface (tokens, conversations, activities) as an express 5 router.
import { randomBytes } from 'node:crypto';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { ActivityTypes } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { BotLogic, DirectLineAdapter } from './adapter';
import { DirectLineError, toHttpError } from './errors';
import type { DirectLineStore } from '../sql/directline-store';
import type { TokenClaims, TokenService } from './tokens';
import { UpTo } from '../../records/model';
import { normaliseInput, normaliseText } from '../../records/text';

/** Conversation ids are ours: URL-safe and short. */
const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** `POST /tokens/generate` body: who the token is for. Empty is allowed (Direct Line 3.0): a new anonymous user then. */
const generateBodySchema = z.object({
  user: z.object({
    id: z.string().trim().min(1).max(128).regex(/^[^\s|]+$/, 'user id must not contain spaces or |'),
    name: z.string().trim().min(1).max(128).transform(normaliseText).optional(),
  }).optional(),
}).optional();

/** The event names a Direct Line client may post: Web Chat's join event, which Seen's turn takes and ignores. */
export const DIRECT_LINE_EVENT_NAMES = ['webchat/join'] as const;

/** Fields every posted activity may carry; lists are capped, and server-owned fields are replaced before storing. */
const postedCommon = {
  text: UpTo(100_000).optional(),
  locale: z.string().max(35).optional(),
  attachments: z.array(z.unknown()).max(10).optional(),
  entities: z.array(z.unknown()).max(20).optional(),
  // Why refused, not capped: only the channel says who joined; one post once made Seen greet 60,000 made-up members.
  membersAdded: z.never().optional(),
  membersRemoved: z.never().optional(),
};
/** What a Web Chat user sends: a message, typing, or an event Seen knows. Anything else is a 400. */
const postedActivitySchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('message'), ...postedCommon }),
  z.looseObject({ type: z.literal('typing'), ...postedCommon }),
  z.looseObject({ type: z.literal('event'), name: z.enum(DIRECT_LINE_EVENT_NAMES), ...postedCommon }),
], { error: () => 'only message, typing and known event activities may be posted' });

/** `?watermark=` is absent, empty, `-`, or a seq number. */
const watermarkSchema = z.union([z.undefined(), z.literal(''), z.literal('-'), z.string().regex(/^\d{1,12}$/)]);

/** What the router needs from its factory. */
export interface DirectLineRouterDeps {
  store: DirectLineStore;
  tokens: TokenService;
  adapter: DirectLineAdapter;
  logic: BotLogic;
  logger: Logger;
  now: () => Date;
  /** True once the WebSocket upgrade handler is attached, so streamUrl is only offered when it works. */
  streamEnabled: () => boolean;
}

/** Parses a zod schema or answers 400 with the first issue, never the input. */
function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const res = schema.safeParse(value);
  if (!res.success) {
    const issue = res.error.issues[0];
    const path = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new DirectLineError(400, 'BadArgument', `invalid ${what}${path}: ${issue?.message ?? 'bad value'}`);
  }
  return res.data;
}

/** The bearer token from the Authorization header, or 401. */
function bearer(req: Request): string {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new DirectLineError(401, 'MissingToken', 'an Authorization: Bearer token is required');
  return match[1];
}

/** Builds the router; mount it at `/v3/directline`. */
export function createDirectLineRouter(deps: DirectLineRouterDeps): Router {
  for (const key of ['store', 'tokens', 'adapter', 'logic', 'logger', 'now', 'streamEnabled'] as const) {
    if (!deps?.[key]) throw new Error(`createDirectLineRouter needs ${key}`);
  }
  const { store, tokens, adapter, logic, logger, now } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));
  // Tokens and transcripts must never sit in a shared cache.
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // Verifies the token and, when the URL names a conversation, that the token is for it and it exists.
  async function authorise(req: Request, conversationParam?: unknown): Promise<{ claims: TokenClaims; token: string }> {
    const token = bearer(req);
    const claims = await tokens.verify(token);
    if (conversationParam !== undefined) {
      const id = parse(conversationIdSchema, conversationParam, 'conversation id');
      if (id !== claims.conv) throw new DirectLineError(403, 'Forbidden', 'token is not valid for this conversation');
      if (!(await store.getConversation(id))) throw new DirectLineError(404, 'NotFound', 'conversation not found');
    }
    return { claims, token };
  }

  // The conversation payload Direct Line returns on start and reconnect.
  function conversationBody(req: Request, claims: TokenClaims, token: string) {
    const expires_in = Math.max(0, claims.exp - Math.floor(now().getTime() / 1000));
    const body: { conversationId: string; token: string; expires_in: number; streamUrl?: string } = { conversationId: claims.conv, token, expires_in };
    if (deps.streamEnabled()) {
      const scheme = req.protocol === 'https' ? 'wss' : 'ws';
      const watermark = typeof req.query['watermark'] === 'string' ? req.query['watermark'] : '';
      body.streamUrl = `${scheme}://${req.get('host')}${req.baseUrl}/conversations/${encodeURIComponent(claims.conv)}/stream?watermark=${encodeURIComponent(watermark)}&t=${encodeURIComponent(token)}`;
    }
    return body;
  }

  // Runs a turn; a failure the bot's onTurnError did not absorb is logged and reported as 502.
  async function runTurn(activity: Partial<Activity>): Promise<void> {
    try {
      await adapter.processActivity(activity, logic);
    } catch (err) {
      logger.error({ err, conversationId: activity.conversation?.id, type: activity.type }, 'directline turn failed');
      throw new DirectLineError(502, 'BotError', 'the bot could not handle this activity', { cause: err });
    }
  }

  // Why: the page (or a token server) gets a token bound to a brand-new conversation id and this user.
  router.post('/tokens/generate', async (req, res) => {
    const user = parse(generateBodySchema, req.body, 'body')?.user ?? { id: `dl_${randomBytes(12).toString('base64url')}` };
    const conversationId = randomBytes(18).toString('base64url');
    res.json(await tokens.issue(conversationId, user));
  });

  // Why: DirectLineJS refreshes every 15 minutes; the new token keeps the same conversation and user, and the old one is retired.
  router.post('/tokens/refresh', async (req, res) => {
    res.json(await tokens.refresh(bearer(req)));
  });

  // Why: starts the token's conversation; only the first start sends conversationUpdate so the bot greets once.
  router.post('/conversations', async (req, res) => {
    const { claims, token } = await authorise(req);
    const created = await store.createConversation(claims.conv, { id: claims.user, name: claims.name });
    if (created) {
      const user = { id: claims.user, name: claims.name ?? '', role: 'user' };
      const update = adapter.inbound(claims.conv, user, {
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [adapter.botAccount, user],
      });
      await runTurn(update).catch((err: unknown) => logger.warn({ err, conversationId: claims.conv }, 'greeting turn failed'));
    }
    res.status(created ? 201 : 200).json(conversationBody(req, claims, token));
  });

  // Why: reconnect (after a reload or server restart) with the same token.
  router.get('/conversations/:id', async (req, res) => {
    parse(watermarkSchema, req.query['watermark'], 'watermark');
    const { claims, token } = await authorise(req, req.params['id']);
    res.json(conversationBody(req, claims, token));
  });

  // Why: the user's activity is stored (echoed back to the client, as Direct Line does) and then run through the bot.
  router.post('/conversations/:id/activities', async (req, res) => {
    const { claims } = await authorise(req, req.params['id']);
    // Why: writing in chat is activity, so a practitioner mid write-up is not signed out for not touching the page.
    await tokens.noteActivity(claims);
    const posted = parse(postedActivitySchema, req.body, 'activity');
    // The Direct Line boundary: the transcript keeps the text as the bot reads it.
    normaliseInput(posted);
    const { id: _id, from: _from, recipient: _recipient, conversation: _conversation, channelId: _channel, serviceUrl: _service, timestamp: _ts, ...rest } = posted;
    const conversation = await store.getConversation(claims.conv);
    const from = { id: claims.user, name: conversation?.userName ?? claims.name ?? '', role: 'user' };
    // What a user types is shown back as typed: plain text, never rendered as Markdown or HTML by a client.
    const inbound = adapter.inbound(claims.conv, from, { ...(rest as Partial<Activity>), textFormat: 'plain' });
    const stored = await store.append(claims.conv, inbound);
    await runTurn({ ...inbound, id: stored.id });
    res.json({ id: stored.id });
  });

  // Why: polling clients get everything after their watermark; the new watermark is the last seq returned.
  router.get('/conversations/:id/activities', async (req, res) => {
    const watermark = parse(watermarkSchema, req.query['watermark'], 'watermark');
    const { claims } = await authorise(req, req.params['id']);
    const after = watermark === undefined || watermark === '' || watermark === '-' ? -1 : Number(watermark);
    res.json(await store.listAfter(claims.conv, after));
  });

  // Uploads are not offered. Why 415, not 501: DirectLineJS retries a 5xx for ever, and stops on a 4xx other than 403.
  router.post('/conversations/:id/upload', async (req) => {
    await authorise(req, req.params['id']);
    throw new DirectLineError(415, 'NotSupported', 'Seen does not take attachments: please type your answer instead');
  });

  router.use((_req, _res, next) => next(new DirectLineError(404, 'NotFound', 'no such Direct Line operation')));

  // Every failure becomes `{ error: { code, message } }`; internals only go to the log.
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const httpError = toHttpError(err);
    if (httpError.status >= 500) logger.error({ err, code: httpError.code }, 'directline request failed');
    else logger.debug({ code: httpError.code, status: httpError.status }, 'directline request rejected');
    res.status(httpError.status).json(httpError.toBody());
  });
  return router;
}
