// OpenID Connect sign-in with openid-client: authorization code flow with PKCE (S256), state and nonce, against Entra ID
// (a tenant issuer) or any standards-compliant provider found by discovery.
import * as oidc from 'openid-client';

/** What the client needs; the redirect URI is SEEN_PUBLIC_URL + /signin/callback. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** The per-attempt secrets kept in the session between the redirect to the provider and its answer. */
export interface PendingSignIn { verifier: string; state: string; nonce: string }

/** Who the provider says signed in: Entra's object id (`oid`), or `sub` where a provider has no `oid`. */
export interface SignedInIdentity { subject: string; claim: 'oid' | 'sub' }

/** A sign-in that did not complete; `reason` is a short code for the audit trail, never the provider's message. */
export class SignInError extends Error {
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(`sign-in failed: ${reason}`, options);
    this.name = 'SignInError';
  }
}

/** True for an address only this machine can reach (a test provider may use plain http there, nothing else may). */
function loopbackUrl(url: URL): boolean {
  const h = url.hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

/** The relying party: discovers the provider once (again after a failure), starts and finishes sign-ins. */
export class OidcSignIn {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {
    for (const k of ['issuer', 'clientId', 'clientSecret', 'redirectUri'] as const) if (!settings?.[k]) throw new TypeError(`OidcSignIn needs ${k}`);
  }

  // Why lazy: Seen starts even while the provider is unreachable; sign-in says so, and the next attempt tries again.
  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      const options = issuer.protocol === 'http:' && loopbackUrl(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined;
      this.configuration = oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, options);
      this.configuration.catch(() => (this.configuration = undefined));
    }
    return this.configuration;
  }

  /** The provider's authorization URL for a new attempt, and the secrets to keep until it answers. */
  async start(): Promise<{ url: string; pending: PendingSignIn }> {
    let config: oidc.Configuration;
    try {
      config = await this.discover();
    } catch (cause) {
      throw new SignInError('provider_unreachable', { cause });
    }
    const verifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code (checking state, PKCE, nonce and the ID token's signature, issuer, audience and times) for the user's id. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<SignedInIdentity> {
    let claims: oidc.IDToken | undefined;
    try {
      const config = await this.discover();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (cause) {
      throw new SignInError(reasonOf(cause), { cause });
    }
    if (!claims) throw new SignInError('no_id_token');
    const oid = typeof claims['oid'] === 'string' && claims['oid'] ? claims['oid'] : undefined;
    if (oid) return { subject: oid, claim: 'oid' };
    if (typeof claims.sub === 'string' && claims.sub) return { subject: claims.sub, claim: 'sub' };
    throw new SignInError('no_subject');
  }
}

/** A short, fixed reason for the audit trail: the OAuth error code or the library's error code, never free text. */
function reasonOf(err: unknown): string {
  const e = err as { error?: unknown; code?: unknown } | undefined;
  const raw = typeof e?.error === 'string' ? e.error : typeof e?.code === 'string' ? e.code : 'error';
  return raw.replace(/[^\w.:-]/g, '_').slice(0, 60) || 'error';
}
