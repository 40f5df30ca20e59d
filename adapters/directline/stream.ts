// The Direct Line WebSocket stream: `{ activities, watermark }` frames pushed as a conversation grows.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { DirectLineError } from './errors';
import type { DirectLineStore } from './store';
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

/** Answers a refused upgrade with a plain status line and drops the socket. */
function refuse(socket: Duplex, status: number, reason: string): void {
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

/** Handles upgrades at `<basePath>/conversations/{id}/stream?t=<token>&watermark=`; other paths are left alone. */
export function attachStream(server: Server, deps: StreamDeps, basePath = '/v3/directline'): StreamHandle {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const pattern = new RegExp(`^${basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/conversations/([A-Za-z0-9_-]{8,64})/stream$`);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${basePath}/`)) return;
    const match = pattern.exec(url.pathname);
    if (!match?.[1]) return refuse(socket, 404, 'Not Found');
    const conversationId = match[1];
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
          const pump = pumper(deps.store, ws, conversationId, start, deps.logger, () => deps.tokens.sessionAlive(claims));
          const onAppended = (id: string): void => {
            if (id === conversationId) pump();
          };
          deps.store.events.on('appended', onAppended);
          ws.on('close', () => deps.store.events.off('appended', onAppended));
          ws.on('error', (err) => deps.logger.debug({ err, conversationId }, 'directline stream socket error'));
          // DirectLineJS pings with empty messages; nothing a client sends here is meaningful.
          ws.on('message', () => undefined);
          pump();
        });
      } catch (err) {
        const e = err instanceof DirectLineError ? err : new DirectLineError(403, 'BadToken', 'token is not valid', { cause: err });
        deps.logger.debug({ code: e.code }, 'directline stream refused');
        refuse(socket, e.status, e.status === 404 ? 'Not Found' : 'Forbidden');
      }
    })();
  };

  server.on('upgrade', onUpgrade);
  return {
    close: () => {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
