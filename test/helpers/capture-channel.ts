// A stand-in for the Teams channel service on a random local port: records what the bot sends, answers `{ id }`.
import type { Server } from 'node:http';
import express from 'express';

/** One activity the bot sent, with the conversation and (for replies) the activity it answered. */
export interface Captured {
  conversationId: string;
  replyToId?: string;
  body: {
    type?: string; text?: string; replyToId?: string; recipient?: { id: string };
    attachments?: Array<{ contentType: string; content: unknown }>; suggestedActions?: { actions: Array<{ value: unknown }> };
  };
}

/** Starts the capture service; `base` is the serviceUrl to put on inbound activities. `refuse` picks bodies answered 413 MessageSizeTooBig, as Teams does. */
export async function startCaptureChannel(refuse?: (body: Captured['body'], bytes: number) => boolean): Promise<{ base: string; captured: Captured[]; refused: Captured[]; close(): Promise<void> }> {
  const captured: Captured[] = [];
  const refused: Captured[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.use((req, res, next) => {
    if (!refuse || req.method !== 'POST' || !refuse(req.body, Number(req.headers['content-length'] ?? 0))) return next();
    refused.push({ conversationId: String(req.path.split('/')[3]), body: req.body });
    res.status(413).json({ error: { code: 'MessageSizeTooBig', message: 'Message size too big' } });
  });
  app.post('/v3/conversations/:id/activities/:replyId', (req, res) => {
    captured.push({ conversationId: String(req.params['id']), replyToId: String(req.params['replyId']), body: req.body });
    res.json({ id: `reply-${captured.length}` });
  });
  app.post('/v3/conversations/:id/activities', (req, res) => {
    captured.push({ conversationId: String(req.params['id']), body: req.body });
    res.json({ id: `sent-${captured.length}` });
  });
  app.use((req, res) => res.status(404).json({ error: { code: 'NotFound', message: `${req.method} ${req.path}` } }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    captured,
    refused,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Waits until `check` holds, polling every 20 ms; fails naming `what`. */
export async function eventually(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
