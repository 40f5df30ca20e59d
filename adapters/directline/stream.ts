// The Direct Line WebSocket stream: `{ activities, watermark }` frames pushed as a conversation grows.
import { ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { DirectLineError } from './errors';
import type { DirectLineStore } from '../sql/directline-store';
import type { TokenService } from './tokens';

/** What the stream needs. */
export interface StreamDeps {
  store: DirectLineStore;
  tokens: TokenService;
  logger: Logger;
}

/** A handle to stop the stream and drop every open socket (for shutdown and tests). */
export interface StreamHandle {
  close(): void;
}

/** Answers a refused upgrade with a plain status line and drops the socket (for certain, soon after). */
function refuse(socket: Duplex, status: number, reason: string): void {
  destroyAfter(socket);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Sends everything after the socket's watermark, one pump at a time, again if more arrived meanwhile. */
function pumper(store: DirectLineStore, ws: WebSocket, conversationId: string, start: number, logger: Logger, allowed: () => Promise<boolean>): () => void {
  let last = start;
  let running = false;
  let again = false;
  const pump = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        // Why: a stream opened before sign-out must not carry on delivering once its session has ended.
        if (!(await allowed())) {
          ws.close(4401, 'session ended');
          return;
        }
        const set = await store.listAfter(conversationId, last);
        if (set.activities.length && set.watermark !== undefined && ws.readyState === ws.OPEN) {
          ws.send(JSON.stringify(set));
          last = Number(set.watermark);
          again = true;
        }
      } while (again && ws.readyState === ws.OPEN);
    } catch (err) {
      logger.error({ err, conversationId }, 'directline stream read failed');
      ws.close(1011);
    } finally {
      running = false;
    }
  };
  return () => void pump();
}

/** Options for the stream: the HTTP guards an upgrade must pass, and how long a silent socket lives. */
export interface StreamOptions {
  /** Where Direct Line is mounted; default `/v3/directline`. */
  basePath?: string;
  /**
   * The HTTP app (its guards, then a route that calls `streamHandoff`): a stream upgrade is run through it as a GET,
   * so it obeys exactly the rules an HTTP request does (address, Host, session, rate limits). Without one, only the
   * token is checked (tests and the benchmark's floor).
   */
  gate?: (req: IncomingMessage, res: ServerResponse) => void;
  /** A socket that neither answers a ping nor sends anything for this long is closed; default 60 s. */
  idleMs?: number;
}

/** Where a gated upgrade leaves its hand-off, for the app's stream route to call once every guard has passed. */
const HANDOFF = Symbol('seen.directline.streamHandoff');
type Handoff = () => void;

/** The app's stream route calls this: true when the request was a WebSocket upgrade and is now the stream's. */
export function streamHandoff(req: IncomingMessage): boolean {
  const handoff = (req as IncomingMessage & { [HANDOFF]?: Handoff })[HANDOFF];
  if (!handoff) return false;
  handoff();
  return true;
}

/** Closes a refused upgrade's socket for certain, even if the client never reads the answer. */
function destroyAfter(socket: Duplex, ms = 2_000): void {
  socket.once('finish', () => socket.destroy());
  const timer = setTimeout(() => socket.destroy(), ms);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Takes every upgrade on the server: the stream's path goes through the gate and the token check; any other path is
 * refused at once and its socket destroyed. Why every path: an upgrade nobody answers holds its socket for ever
 * (20,000 of them once left a server with no file handles), and it would skip the HTTP guards.
 */
export function attachStream(server: Server, deps: StreamDeps, options: StreamOptions = {}): StreamHandle {
  const basePath = options.basePath ?? '/v3/directline';
  const idleMs = options.idleMs ?? 60_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const pattern = new RegExp(`^${basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/conversations/([A-Za-z0-9_-]{8,64})/stream$`);
  const alive = new WeakMap<WebSocket, boolean>();

  // The stream proper: the token must be for this conversation, which must exist.
  const open = (req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, url: URL): void => {
    const watermark = url.searchParams.get('watermark') ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = url.searchParams.get('t') ?? bearer ?? '';
    void (async () => {
      try {
        const claims = await deps.tokens.verify(token);
        if (claims.conv !== conversationId) throw new DirectLineError(403, 'Forbidden', 'token is not valid for this conversation');
        if (!(await deps.store.getConversation(conversationId))) throw new DirectLineError(404, 'NotFound', 'conversation not found');
        const start = /^\d{1,12}$/.test(watermark) ? Number(watermark) : -1;
        wss.handleUpgrade(req, socket, head, (ws) => {
          alive.set(ws, true);
          const pump = pumper(deps.store, ws, conversationId, start, deps.logger, () => deps.tokens.sessionAlive(claims));
          const onAppended = (id: string): void => {
            if (id === conversationId) pump();
          };
          deps.store.events.on('appended', onAppended);
          ws.on('close', () => deps.store.events.off('appended', onAppended));
          ws.on('error', (err) => deps.logger.debug({ err, conversationId }, 'directline stream socket error'));
          ws.on('pong', () => alive.set(ws, true));
          // DirectLineJS pings with empty messages; nothing a client sends here is meaningful, but it shows the socket is alive.
          ws.on('message', () => alive.set(ws, true));
          pump();
        });
      } catch (err) {
        const e = err instanceof DirectLineError ? err : new DirectLineError(403, 'BadToken', 'token is not valid', { cause: err });
        deps.logger.debug({ code: e.code }, 'directline stream refused');
        refuse(socket, e.status, e.status === 404 ? 'Not Found' : 'Forbidden');
      }
    })();
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const conversationId = pattern.exec(url.pathname)?.[1];
    if (!conversationId) return refuse(socket, 404, 'Not Found');
    if (!options.gate) return open(req, socket, head, conversationId, url);
    // Why a time limit: a guard that never answers must not hold the socket either.
    (socket as Socket).setTimeout(10_000, () => socket.destroy());
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as Socket);
    // A guard that refuses writes its answer over this socket; once sent, the socket goes.
    res.on('finish', () => {
      if (!socket.destroyed) {
        destroyAfter(socket);
        socket.end();
      }
    });
    (req as IncomingMessage & { [HANDOFF]?: Handoff })[HANDOFF] = () => {
      (socket as Socket).setTimeout(0);
      res.detachSocket(socket as Socket);
      open(req, socket, head, conversationId, url);
    };
    options.gate(req, res);
  };

  // Why a heartbeat: a peer that vanished (or never reads) would otherwise hold its socket until the kernel gives up.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, idleMs);
  heartbeat.unref();

  server.on('upgrade', onUpgrade);
  return {
    close: () => {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
