// Direct Line tokens: HS256 JWTs signed and checked with jose, bound to one conversation and one user, each recorded so a
// refresh retires the old one, sign-out retires a session's tokens, and no chain of refreshes outlives its maximum lifetime.
import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Executor } from '../sql/database';
import { DirectLineError } from './errors';

/** The settings key under which the generated signing secret is persisted. */
export const SECRET_SETTING_KEY = 'directline.token_secret';

/** Twelve hours: no token, however often refreshed, lasts longer than a sign-in session may. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 12 * 60 * 60;

/** What a token proves: `user` is the claim Web Chat and DirectLineJS read the user id from. */
const claimsSchema = z.object({
  conv: z.string().min(1),
  user: z.string().min(1),
  name: z.string().optional(),
  iat: z.number().int(),
  exp: z.number().int(),
  /** This token's id, recorded in directline_tokens. */
  jti: z.string().min(16),
  /** The end of the refresh chain (seconds): no refresh issues a token that lasts past it. */
  mx: z.number().int(),
  /** The hash of the web session the token was minted for, when it was (sign-out retires it). */
  sid: z.string().min(1).optional(),
});
export type TokenClaims = z.infer<typeof claimsSchema>;

/** A freshly issued token as Direct Line returns it. */
export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** The web session a token is minted for: its hash and the moment it ends at the latest. */
export interface TokenSession { hash: string; endsAt: Date }

/** Loads the persisted secret, creating it once (ON CONFLICT DO NOTHING keeps concurrent starts agreeing). */
export async function loadOrCreateSecret(db: Executor, key = SECRET_SETTING_KEY): Promise<string> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, randomBytes(32).toString('base64url')]);
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  if (!row) throw new Error(`secret ${key} was not persisted`);
  return row.value;
}

/** How many checked tokens are remembered (about one per live conversation; more only costs a jose check each). */
export const SIGNATURE_CACHE_SIZE = 10_000;

const bad = (cause?: unknown) => new DirectLineError(403, 'BadToken', 'token is not valid', cause === undefined ? undefined : { cause });
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Issues, verifies, refreshes and retires tokens; the clock is injected so tests never depend on real time. */
export class TokenService {
  private readonly key: Uint8Array;
  private lastPrune = 0;
  /** Tokens whose signature jose has already checked, by their exact text: a turn checks one token up to four times. */
  private readonly signed = new Map<string, TokenClaims>();
  /** How many signatures jose checked and how many checks the remembered tokens saved (the load benchmark reads these). */
  readonly signatureChecks = { jose: 0, remembered: 0 };

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
    private readonly db: Executor,
    private readonly maxLifetimeSeconds = DEFAULT_MAX_LIFETIME_SECONDS,
    /** The web session idle time: a message posted in chat counts as activity and moves the session's idle expiry on. */
    private readonly sessionIdleSeconds = 30 * 60,
  ) {
    if (!secret || secret.length < 16) throw new Error('TokenService needs a secret of at least 16 characters');
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60) throw new Error('TokenService needs a ttlSeconds integer of at least 60');
    if (typeof now !== 'function') throw new Error('TokenService needs a clock');
    if (!db) throw new Error('TokenService needs a Db to record tokens');
    if (!Number.isInteger(maxLifetimeSeconds) || maxLifetimeSeconds < ttlSeconds) throw new Error('TokenService needs a maximum lifetime of at least ttlSeconds');
    this.key = new TextEncoder().encode(secret);
  }

  /** Signs and records a token for this conversation and user; with a session, it never outlives that session. */
  async issue(conversationId: string, user: { id: string; name?: string | undefined }, session?: TokenSession): Promise<IssuedToken> {
    const iat = seconds(this.now());
    const mx = Math.min(iat + this.maxLifetimeSeconds, session ? seconds(session.endsAt) : Number.MAX_SAFE_INTEGER);
    if (mx <= iat) throw new DirectLineError(403, 'TokenExpired', 'the session has ended');
    return this.mint(conversationId, user, mx, session?.hash);
  }

  /** Checks signature (jose, HS256 only), shape and expiry, then that the token is not retired and its session is alive. 403 otherwise. */
  async verify(token: string): Promise<TokenClaims> {
    const claims = await this.verifySignature(token);
    const row = await this.db.get<{ retired: number; session_hash: string | null; session_expires: string | null }>(
      `SELECT t.retired AS retired, t.session_hash AS session_hash, s.expires_at AS session_expires
       FROM directline_tokens t LEFT JOIN web_sessions s ON s.sid_hash = t.session_hash WHERE t.jti = ?`, [claims.jti]);
    if (!row || Number(row.retired) !== 0) throw bad();
    if ((row.session_hash ?? undefined) !== claims.sid) throw bad();
    if (row.session_hash !== null && !(row.session_expires && row.session_expires > this.now().toISOString())) throw new DirectLineError(403, 'TokenExpired', 'the session this token belongs to has ended');
    return claims;
  }

  /** Signature, shape and expiry only, without the database: enough to key rate limits by user, never to authorise. */
  async verifySignature(token: string): Promise<TokenClaims> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw bad();
    const known = this.signed.get(token);
    if (known) {
      // The same text was signed by this key; only time can have changed its answer (jose's rule: expired once exp <= now).
      if (known.exp > seconds(this.now())) {
        this.signatureChecks.remembered += 1;
        return known;
      }
      this.signed.delete(token);
      throw new DirectLineError(403, 'TokenExpired', 'token has expired');
    }
    let payload: unknown;
    this.signatureChecks.jose += 1;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], currentDate: this.now(), requiredClaims: ['iat', 'exp', 'jti'] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new DirectLineError(403, 'TokenExpired', 'token has expired', { cause: err });
      throw bad(err);
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) throw bad(parsed.error);
    // Why a bound: every live conversation holds one token at a time; the oldest entry goes first.
    if (this.signed.size >= SIGNATURE_CACHE_SIZE) this.signed.delete(this.signed.keys().next().value!);
    this.signed.set(token, parsed.data);
    return parsed.data;
  }

  /** A new token for the same conversation, user and session; the old one is retired at once, and the chain's end never moves. */
  async refresh(token: string): Promise<IssuedToken> {
    const claims = await this.verify(token);
    if (claims.mx <= seconds(this.now())) throw new DirectLineError(403, 'TokenExpired', 'this conversation has reached its maximum lifetime; start a new one');
    // Why a conditional update: of two refreshes racing with one token, exactly one gets a new token.
    const retired = await this.db.run('UPDATE directline_tokens SET retired = 1 WHERE jti = ? AND retired = 0', [claims.jti]);
    if (retired.changes !== 1) throw bad();
    return this.mint(claims.conv, { id: claims.user, name: claims.name }, claims.mx, claims.sid);
  }

  /** False once the web session a token was minted for has ended (an open stream checks this before each push). */
  async sessionAlive(claims: TokenClaims): Promise<boolean> {
    if (!claims.sid) return true;
    return Boolean(await this.db.get('SELECT 1 AS ok FROM web_sessions WHERE sid_hash = ? AND expires_at > ?', [claims.sid, this.now().toISOString()]));
  }

  /** A user's message is activity: the session behind the token stays alive for another idle period (never past its end). */
  async noteActivity(claims: TokenClaims): Promise<void> {
    if (!claims.sid) return;
    const now = this.now();
    const next = new Date(now.getTime() + this.sessionIdleSeconds * 1000).toISOString();
    await this.db.run('UPDATE web_sessions SET expires_at = CASE WHEN ? < ends_at THEN ? ELSE ends_at END WHERE sid_hash = ? AND expires_at > ?', [next, next, claims.sid, now.toISOString()]);
  }

  /** Retires every token minted for a session (sign-out); returns how many were live. */
  async retireSession(sessionHash: string): Promise<number> {
    return (await this.db.run('UPDATE directline_tokens SET retired = 1 WHERE session_hash = ? AND retired = 0', [sessionHash])).changes;
  }

  private async mint(conversationId: string, user: { id: string; name?: string | undefined }, mx: number, sessionHash: string | undefined): Promise<IssuedToken> {
    const now = this.now();
    const iat = seconds(now);
    const exp = Math.min(iat + this.ttlSeconds, mx);
    const jti = randomBytes(18).toString('base64url');
    await this.prune(now);
    await this.db.run('INSERT INTO directline_tokens (jti, conversation_id, session_hash, expires_at, retired) VALUES (?, ?, ?, ?, 0)',
      [jti, conversationId, sessionHash ?? null, new Date(exp * 1000).toISOString()]);
    const token = await new SignJWT({ conv: conversationId, user: user.id, ...(user.name ? { name: user.name } : {}), mx, ...(sessionHash ? { sid: sessionHash } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(jti)
      .sign(this.key);
    return { conversationId, token, expires_in: exp - iat };
  }

  // Why at most once a minute: expired rows can never verify again; they only take space.
  private async prune(now: Date): Promise<void> {
    if (now.getTime() - this.lastPrune < 60_000) return;
    this.lastPrune = now.getTime();
    await this.db.run('DELETE FROM directline_tokens WHERE expires_at <= ?', [now.toISOString()]);
  }
}
