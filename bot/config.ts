// Seen's configuration: read from the environment once, validated with zod, passed down explicitly.
import { z } from 'zod';
import type { DatabaseTarget } from '../adapters/open-database';
import { POSTGRES_URL, SCHEMA_NAME } from '../adapters/sql/database';

/** An http(s) URL, or unset; an empty value counts as unset. */
const optionalUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional().transform((v) => (v ? v.replace(/\/+$/, '') : undefined));

/** True for a host name or address that can only be reached from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** The environment variables Seen reads (Bot Framework's standard names plus Seen's own). */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  SEEN_DB: z.string().min(1).default('./data/seen.db'),
  /** postgres://user:password@host:port/database — when set, records and conversation state live in PostgreSQL and SEEN_DB is unused. */
  SEEN_DATABASE_URL: z.union([z.literal(''), z.string().regex(POSTGRES_URL, 'must be a postgres:// or postgresql:// URL')]).optional().transform((v) => v || undefined),
  /** The PostgreSQL schema Seen's tables live in (created if missing). */
  SEEN_DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME, 'a lower-case identifier').default('public'),
  /** PostgreSQL connections per instance. */
  SEEN_DATABASE_POOL: z.coerce.number().int().min(2).max(200).default(10),
  /** Migrate the schema at start-up (default), or refuse to start until `npx seen migrate` has run. */
  SEEN_MIGRATE_ON_START: flag.default(true),
  SEEN_DEMO: flag.default(true),
  SEEN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEEN_DIRECTLINE_SECRET: z.string().min(16).optional(),
  MicrosoftAppId: z.string().optional().transform((v) => (v ? v : undefined)),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().optional(),
  /** Where the Teams tab's sign-in keys are fetched; default Entra's https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys. */
  SEEN_TEAMS_SSO_JWKS_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  /** Days after its last activity that a fictional (demo/test) case is removed; unset = kept. Real cases are never removed. */
  SEEN_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).optional(),
  /** Messages one Direct Line user may post per minute; more get 429. */
  SEEN_RATE_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Requests per minute to Direct Line and the pages, per token user (or per address without a valid token). */
  SEEN_RATE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  /** Activities per minute /api/messages takes in one conversation; more get 429 and run no turn. */
  SEEN_RATE_BOT_CONVERSATION_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Activities per minute /api/messages takes from one address (behind Azure Bot Service, Microsoft's). */
  SEEN_RATE_BOT_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  /** Worker threads that read pasted notes, off the thread serving turns; 0 reads them in that thread. */
  SEEN_ANALYSIS_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** Seconds a Direct Line stream socket may stay silent (no pong, no message) before it is closed. */
  SEEN_STREAM_IDLE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** The OpenID Connect issuer the web pages sign in with (an Entra tenant: https://login.microsoftonline.com/<tenant id>/v2.0). */
  SEEN_OIDC_ISSUER: optionalUrl,
  /** The client (application) id registered with the issuer. */
  SEEN_OIDC_CLIENT_ID: z.string().optional().transform((v) => (v ? v : undefined)),
  /** The client secret registered with the issuer. */
  SEEN_OIDC_CLIENT_SECRET: z.string().optional().transform((v) => (v ? v : undefined)),
  /** The address users reach Seen at: the sign-in redirect URI is <this>/signin/callback (https makes the cookie Secure), the Teams tab's URL and its Application ID URI api://<host>/<app id>. */
  SEEN_PUBLIC_URL: optionalUrl,
  /** Minutes without a request after which a signed-in session ends (12 hours is the most any session lasts). */
  SEEN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
  /** The reverse proxy or tunnel in front of Seen (an address, a subnet, or `loopback`), as express's `trust proxy`; requests through it are never local. */
  SEEN_TRUST_PROXY: z.string().optional().transform((v) => (v ? v : undefined)),
}).superRefine((c, ctx) => {
  // Why: sign-in needs all four, and a half-configured sign-in must fail at start, not at a user's first click.
  if (c.SEEN_OIDC_ISSUER) {
    for (const key of ['SEEN_OIDC_CLIENT_ID', 'SEEN_OIDC_CLIENT_SECRET', 'SEEN_PUBLIC_URL'] as const) {
      if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when SEEN_OIDC_ISSUER is set' });
    }
    // Why: an issuer reached over plain http could be impersonated; only a provider on this machine (tests) may use it.
    const issuer = new URL(c.SEEN_OIDC_ISSUER);
    if (issuer.protocol !== 'https:' && !isLoopbackHost(issuer.hostname)) ctx.addIssue({ code: 'custom', path: ['SEEN_OIDC_ISSUER'], message: 'must be https (plain http only for a provider on this machine)' });
  }
});
/** Parsed configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** A configuration problem, naming the variable, so start-up fails with a clear message. */
export class ConfigError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env at start-up, a plain object in tests). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The process environment, read here and nowhere else. */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/**
 * Where this configuration keeps its data: PostgreSQL when SEEN_DATABASE_URL is set, else the SEEN_DB file. A CLI's
 * `--db` (a file, or a postgres:// URL whose `?schema=` names the schema) wins over both.
 */
export function databaseTarget(config: Config, options: { db?: string | undefined; migrate?: boolean } = {}): DatabaseTarget {
  const migrate = options.migrate ?? config.SEEN_MIGRATE_ON_START;
  const url = options.db ?? config.SEEN_DATABASE_URL;
  if (options.db !== undefined && !POSTGRES_URL.test(options.db)) return { file: options.db, migrate };
  if (!url) return { file: config.SEEN_DB, migrate };
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? config.SEEN_DATABASE_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) throw new ConfigError(`invalid schema in database URL: ${schema}`, { cause: schema });
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), file: config.SEEN_DB, schema, poolSize: config.SEEN_DATABASE_POOL, migrate };
}

/** Why this configuration must not start, or undefined: off loopback, /api/messages must authenticate and the pages must sign in. */
export function startupRefusal(config: Config): string | undefined {
  if (isLoopbackHost(config.HOST)) return undefined;
  if (!config.MicrosoftAppId) return `HOST=${config.HOST} is not loopback and MicrosoftAppId is unset, so /api/messages would accept anonymous requests; set MicrosoftAppId (and MicrosoftAppPassword) or bind HOST=127.0.0.1`;
  if (!config.SEEN_OIDC_ISSUER) return `HOST=${config.HOST} is not loopback and SEEN_OIDC_ISSUER is unset, so the pages would have no sign-in; configure sign-in (see README "Signing in") or bind HOST=127.0.0.1`;
  return undefined;
}

/** Demo mode (the user picker, ?user=, anonymous /api/messages) is possible only when asked for and bound to loopback. */
export function demoConfigured(config: Config): boolean {
  return config.SEEN_DEMO && isLoopbackHost(config.HOST);
}
