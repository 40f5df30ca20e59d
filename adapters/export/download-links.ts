// Short-lived download links for exports (issue 15): a JWT signed with Seen's own key naming the user, the case and the format.
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { DownloadLinkMaker } from '../../records/case-export';

/** Where the download is served; the link is SEEN_PUBLIC_URL plus this path. */
export const DOWNLOAD_PATH = '/export/download';
/** How long a link works: long enough to sign in first, short enough that a forwarded link is soon useless. */
export const DOWNLOAD_LINK_MINUTES = 10;

const ISSUER = 'seen';
const AUDIENCE = 'seen-export';
const Claims = z.object({ sub: z.string().min(1).max(100), ref: z.string().regex(/^[A-Za-z0-9_-]{1,50}$/), fmt: z.enum(['md', 'docx']) });

/** Why a link was refused: expired, or not valid at all (forged, tampered, malformed). */
export class DownloadLinkError extends Error {
  constructor(readonly reason: 'expired' | 'invalid', options?: { cause?: unknown }) {
    super(`download link ${reason}`, options);
    this.name = 'DownloadLinkError';
  }
}

/** What a verified link grants: this user, this case, this format; the route still checks identity and access. */
export interface DownloadGrant { userId: string; caseRef: string; format: 'md' | 'docx' }

/** Signs and verifies links; the clock is injected so tests never wait for one to expire. */
export class DownloadLinks implements DownloadLinkMaker {
  private readonly key: Uint8Array;
  readonly minutes = DOWNLOAD_LINK_MINUTES;

  constructor(secret: string, private readonly now: () => Date, private readonly publicUrl?: string) {
    if (!secret || secret.length < 32) throw new TypeError('DownloadLinks needs a secret of at least 32 characters');
    if (typeof now !== 'function') throw new TypeError('DownloadLinks needs a clock');
    this.key = new TextEncoder().encode(secret);
  }

  /** Whether links can be made (they need the public address people reach Seen at). */
  get canLink(): boolean {
    return Boolean(this.publicUrl);
  }

  /** A token for one user, case and format, valid for `minutes`. */
  async token(userId: string, caseRef: string, format: 'md' | 'docx'): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ ref: caseRef, fmt: format }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer(ISSUER).setAudience(AUDIENCE)
      .setIssuedAt(iat).setExpirationTime(iat + this.minutes * 60).sign(this.key);
  }

  /** The full link on SEEN_PUBLIC_URL; throws when no public address is configured. */
  async link(userId: string, caseRef: string, format: 'md' | 'docx'): Promise<string> {
    if (!this.publicUrl) throw new TypeError('download links need SEEN_PUBLIC_URL');
    return `${this.publicUrl.replace(/\/+$/, '')}${DOWNLOAD_PATH}?token=${encodeURIComponent(await this.token(userId, caseRef, format))}`;
  }

  /** What a token grants, or DownloadLinkError: expired, or invalid (bad signature, claims, audience or algorithm). */
  async verify(token: string): Promise<DownloadGrant> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, currentDate: this.now(), requiredClaims: ['iat', 'exp', 'sub'] }));
    } catch (err) {
      throw new DownloadLinkError(err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid', { cause: err });
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new DownloadLinkError('invalid', { cause: claims.error });
    return { userId: claims.data.sub, caseRef: claims.data.ref, format: claims.data.fmt };
  }
}
