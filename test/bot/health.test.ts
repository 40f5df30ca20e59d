// /healthz answers 200 while the database answers and 503 when it does not, so a load balancer can route around an instance.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { Router } from 'express';
import { createApp } from '../../bot/http';
import { createLogger } from '../../bot/logger';

describe('bot: health check', () => {
  const rows: Array<[string, (() => Promise<void>) | undefined, number, string]> = [
    ['no database check given: ok', undefined, 200, 'ok'],
    ['the database answers: ok', async () => undefined, 200, 'ok'],
    ['the database is unreachable: 503', async () => { throw new Error('connect ECONNREFUSED'); }, 503, 'unavailable'],
  ];
  for (const [what, checkDatabase, status, body] of rows) {
    it(what, async () => {
      const app = createApp({
        directLine: { router: Router() }, cloudAdapter: { authenticate: async () => { throw new Error('not used'); }, processTurn: async () => undefined }, logic: async () => undefined,
        listUsers: async () => [], logger: createLogger('silent'), ...(checkDatabase ? { checkDatabase } : {}),
      });
      const server = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
      try {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        assert.equal(res.status, status);
        assert.deepEqual(await res.json(), { status: body });
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  }
});
