// A real OpenID Connect provider for tests: oidc-provider, in-process on loopback, issuing an Entra-shaped `oid` claim,
// with its own small login page (a login name field and a Continue button) so a browser or a fetch client signs in as a person would.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';

/** Who may sign in at the test provider: login name → the `oid` it carries (omitted: a provider with `sub` only). */
export type TestAccounts = Record<string, { oid?: string }>;

/** A running test provider. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  provider: Provider;
  close(): Promise<void>;
}

/** oidc-provider's storage, kept in a Map (its own in-memory default prints a warning). */
function memoryAdapter(): new (name: string) => Adapter {
  const rows = new Map<string, AdapterPayload>();
  return class MemoryAdapter implements Adapter {
    constructor(private readonly name: string) {}
    private key(id: string) { return `${this.name}:${id}`; }
    async upsert(id: string, payload: AdapterPayload): Promise<void> { rows.set(this.key(id), payload); }
    async find(id: string): Promise<AdapterPayload | undefined> { return rows.get(this.key(id)); }
    async findByUserCode(): Promise<undefined> { return undefined; }
    async findByUid(uid: string): Promise<AdapterPayload | undefined> { return [...rows.entries()].find(([k, v]) => k.startsWith(`${this.name}:`) && v.uid === uid)?.[1]; }
    async consume(id: string): Promise<void> { const p = rows.get(this.key(id)); if (p) p.consumed = Math.floor(Date.now() / 1000); }
    async destroy(id: string): Promise<void> { rows.delete(this.key(id)); }
    async revokeByGrantId(grantId: string): Promise<void> { for (const [k, v] of rows) if (v.grantId === grantId) rows.delete(k); }
  };
}

const loginPage = (uid: string, message = '') => `<!doctype html><html><head><meta charset="utf-8"><title>Test provider: sign in</title></head><body>
<h1>Sign in (test provider)</h1>${message ? `<p id="message">${message}</p>` : ''}
<form method="post" action="/interaction/${uid}"><label>Login <input name="login" id="login" autofocus></label>
<button type="submit" id="continue">Continue</button></form></body></html>`;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/** Starts the provider on 127.0.0.1 (port 0 unless given) with one confidential client for `redirectUri`. */
export async function startTestProvider(options: { redirectUri: string; accounts: TestAccounts; port?: number }): Promise<TestProvider> {
  const clientId = 'seen-test-client';
  const clientSecret = 'seen-test-client-secret-0123456789';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' };

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    claims: { openid: ['sub'], profile: ['name', 'oid'] },
    // Entra puts oid in the ID token; so does this provider.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => {
      const account = options.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: `sub-${id}`, name: id, ...(account.oid ? { oid: account.oid } : {}) }) };
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, IdToken: 600, AccessToken: 600 },
  });
  const callback = provider.callback();

  // The login page: a name that is one of the accounts signs in and consents to openid profile in one step.
  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid));
      return;
    }
    const login = (await readForm(req)).get('login') ?? '';
    if (!options.accounts[login]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, 'unknown login'));
      return;
    }
    const grant = new provider.Grant({ accountId: login, clientId: String(details.params['client_id']) });
    grant.addOIDCScope('openid profile');
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match?.[1]) return void callback(req, res);
    interaction(req, res, match[1]).catch((err: unknown) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`interaction failed: ${(err as Error).message}`);
    });
  });

  return {
    issuer, clientId, clientSecret, provider,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
