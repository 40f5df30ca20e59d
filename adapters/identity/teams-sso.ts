// Teams single sign-on for the coverage tab: checks the Entra access token teams-js hands the tab, then finds the Seen user by `oid`.
import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CaseRecords } from '../../records/repository';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the verifier is configured with: the bot's Entra app, its tenant, and where Seen is reached. */
export const TeamsSsoConfig = z.object({
  appId: z.string().regex(GUID, 'MicrosoftAppId must be a GUID'),
  tenantId: z.string().regex(GUID, 'MicrosoftAppTenantId must be a GUID'),
  publicUrl: z.string().url().startsWith('https://', 'SEEN_PUBLIC_URL must be https for Teams single sign-on'),
  /** The tenant's signing keys; default Entra's v2.0 keys endpoint for the tenant (the same keys sign v1 and v2 tokens). */
  jwksUrl: z.string().url().optional(),
});
export type TeamsSsoConfig = z.infer<typeof TeamsSsoConfig>;

/** Why a token was refused, as a stable code for logs and tests (never the token or its claims). */
export type TeamsSsoRefusal = 'malformed' | 'signature' | 'algorithm' | 'issuer' | 'audience' | 'expired' | 'not_yet_valid' | 'tenant' | 'scope' | 'claims' | 'keys_unavailable';

/** A token Seen will not accept. */
export class TeamsSsoError extends Error {
  constructor(readonly reason: TeamsSsoRefusal, options?: { cause?: unknown }) {
    super(`Teams sign-in token refused: ${reason}`, options);
    this.name = 'TeamsSsoError';
  }
}

/** The Application ID URI Entra issues tab tokens for: api://<host of SEEN_PUBLIC_URL>/<app id>. */
export function applicationIdUri(publicUrl: string, appId: string): string {
  return `api://${new URL(publicUrl).host}/${appId}`;
}

/** The identity a valid token carries. */
export interface TeamsSsoIdentity { oid: string; tid: string }

const Claims = z.object({ oid: z.string().regex(GUID), tid: z.string().regex(GUID), scp: z.string().optional() });

/** Checks Teams SSO tokens: RS256 only, v1 or v2 issuer for the tenant, our audience, unexpired, `tid` = our tenant, scope access_as_user. */
export class TeamsSsoVerifier {
  private readonly config: TeamsSsoConfig;
  private readonly keys: JWTVerifyGetKey;
  private readonly audiences: string[];
  private readonly issuers: string[];
  private readonly now: () => Date;

  constructor(config: TeamsSsoConfig, options: { keys?: JWTVerifyGetKey; now?: () => Date } = {}) {
    this.config = TeamsSsoConfig.parse(config);
    const tid = this.config.tenantId.toLowerCase();
    this.keys = options.keys ?? createRemoteJWKSet(new URL(this.config.jwksUrl ?? `https://login.microsoftonline.com/${tid}/discovery/v2.0/keys`), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    // Why both: Entra issues v1 tokens (aud = the Application ID URI) unless the app asks for v2 (aud = the bare app id).
    this.audiences = [applicationIdUri(this.config.publicUrl, this.config.appId), this.config.appId];
    this.issuers = [`https://sts.windows.net/${tid}/`, `https://login.microsoftonline.com/${tid}/v2.0`];
    this.now = options.now ?? (() => new Date());
  }

  /** The token's user and tenant, or a TeamsSsoError saying why not. */
  async verify(token: string): Promise<TeamsSsoIdentity> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        // Why RS256 only: Entra signs with it; this refuses alg "none" and HS* (a public key used as an HMAC secret).
        algorithms: ['RS256'],
        issuer: this.issuers,
        audience: this.audiences,
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
        currentDate: this.now(),
        clockTolerance: 60,
      }));
    } catch (cause) {
      throw new TeamsSsoError(refusal(cause), { cause });
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new TeamsSsoError('claims', { cause: claims.error });
    if (claims.data.tid.toLowerCase() !== this.config.tenantId.toLowerCase()) throw new TeamsSsoError('tenant');
    if (!(claims.data.scp ?? '').split(' ').includes('access_as_user')) throw new TeamsSsoError('scope');
    return { oid: claims.data.oid.toLowerCase(), tid: claims.data.tid.toLowerCase() };
  }
}

/** Maps jose's errors to a refusal code. */
function refusal(err: unknown): TeamsSsoRefusal {
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'aud') return 'audience';
    if (err.claim === 'nbf') return 'not_yet_valid';
    return 'claims';
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed || err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWKSMultipleMatchingKeys) return 'signature';
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || (err instanceof Error && err.name === 'TypeError' && /fetch/i.test(err.message))) return 'keys_unavailable';
  return 'malformed';
}

/** What the middleware answers; the page shows `message`. */
function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

/**
 * Express middleware for the coverage API: a request with `Authorization: Bearer <Teams SSO token>` gets
 * `res.locals.seenUserId` (the Seen user whose Entra object id is the token's `oid`), or a 401/403 and nothing else.
 * Requests without a bearer token pass through untouched (the web session decides for them).
 */
export function teamsSsoMiddleware(deps: { verifier: TeamsSsoVerifier; records: Pick<CaseRecords, 'getUserByAadObjectId'>; logger: Logger; notASeenUser: string }) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization');
    if (!header) return next();
    const m = /^Bearer ([A-Za-z0-9_.-]{1,8192})$/.exec(header);
    if (!m) return refuse(res, 401, 'InvalidToken', 'the Authorization header must be "Bearer <token>"');
    try {
      const { oid } = await deps.verifier.verify(m[1]);
      // A disabled user is not found here (records contract), so they are refused exactly like an unknown one.
      const user = await deps.records.getUserByAadObjectId(oid);
      if (!user) {
        deps.logger.info({ event: 'teams_sso_unknown_user' }, 'Teams SSO: valid token for someone who is not a Seen user');
        return refuse(res, 403, 'NotASeenUser', deps.notASeenUser);
      }
      res.locals.seenUserId = user.id;
      next();
    } catch (err) {
      if (!(err instanceof TeamsSsoError)) return next(err);
      deps.logger.info({ event: 'teams_sso_refused', reason: err.reason }, 'Teams SSO token refused');
      if (err.reason === 'keys_unavailable') return refuse(res, 503, 'SignInUnavailable', 'Microsoft\'s signing keys could not be fetched; try again shortly');
      refuse(res, 401, 'InvalidToken', 'the Teams sign-in token was not accepted; reopen the tab');
    }
  };
}
