// HMAC-signed (HS256 JWT) Direct Line tokens bound to one conversation and one user, with an expiry.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Executor } from '../sql/database';
import { DirectLineError } from './errors';

/** The settings key under which the generated signing secret is persisted. */
export const SECRET_SETTING_KEY = 'directline.token_secret';

/** What a token proves: `user` is the claim Web Chat and DirectLineJS read the user id from. */
const claimsSchema = z.object({
  conv: z.string().min(1),
  user: z.string().min(1),
  name: z.string().optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type TokenClaims = z.infer<typeof claimsSchema>;

/** A freshly issued token as Direct Line returns it. */
export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Loads the persisted secret, creating it once (INSERT OR IGNORE keeps concurrent starts agreeing). */
export async function loadOrCreateSecret(db: Executor): Promise<string> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [SECRET_SETTING_KEY, randomBytes(32).toString('base64url')]);
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [SECRET_SETTING_KEY]);
  if (!row) throw new Error('Direct Line token secret was not persisted');
  return row.value;
}

/** Issues and verifies tokens; the clock is injected so tests never depend on real time. */
export class TokenService {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {
    if (!secret || secret.length < 16) throw new Error('TokenService needs a secret of at least 16 characters');
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60) throw new Error('TokenService needs a ttlSeconds integer of at least 60');
    if (typeof now !== 'function') throw new Error('TokenService needs a clock');
    this.key = Buffer.from(secret, 'utf8');
  }

  /** Signs a token for this conversation and user. */
  issue(conversationId: string, user: { id: string; name?: string }): IssuedToken {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: TokenClaims = { conv: conversationId, user: user.id, ...(user.name ? { name: user.name } : {}), iat, exp: iat + this.ttlSeconds };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { conversationId, token: `${body}.${this.sign(body)}`, expires_in: this.ttlSeconds };
  }

  /** Checks signature, shape and expiry; 403 on any failure, as DirectLineJS expects for bad tokens. */
  verify(token: string): TokenClaims {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) throw new DirectLineError(403, 'BadToken', 'token is not valid');
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2] ?? '');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DirectLineError(403, 'BadToken', 'token is not valid');
    let claims: TokenClaims;
    try {
      claims = claimsSchema.parse(JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')));
    } catch (err) {
      throw new DirectLineError(403, 'BadToken', 'token is not valid', { cause: err });
    }
    if (claims.exp <= Math.floor(this.now().getTime() / 1000)) throw new DirectLineError(403, 'TokenExpired', 'token has expired');
    return claims;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}
