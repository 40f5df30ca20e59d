// A stand-in for Entra ID's signing keys: an RSA key served as a JWKS on loopback, and Teams-SSO-shaped tokens signed with it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type CryptoKey } from 'jose';

export const SSO_APP_ID = '5e0c2a4b-7d1f-4c3e-9a8b-1f2e3d4c5b6a';
export const SSO_TENANT = '3c9d8e7f-6a5b-4c4d-8e3f-2a1b0c9d8e7f';
export const SSO_PUBLIC_URL = 'https://seen.example.test';
export const SSO_AUDIENCE = `api://seen.example.test/${SSO_APP_ID}`;
export const V1_ISSUER = `https://sts.windows.net/${SSO_TENANT}/`;
export const V2_ISSUER = `https://login.microsoftonline.com/${SSO_TENANT}/v2.0`;

/** A JWKS server and a signer whose key it publishes (plus a second key it does not publish). */
export interface SsoKeys {
  jwksUrl: string;
  /** Signs claims as Entra would for the tab (v1 token unless the claims override iss/aud), valid for an hour from `now` (default the clock given to startSsoKeys). */
  token(claims: JWTPayload, options?: { now?: Date; unpublishedKey?: boolean }): Promise<string>;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** `now` is when tokens are issued by default (the test's fixed clock, never the real one). */
export async function startSsoKeys(now: () => Date): Promise<SsoKeys> {
  const published = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/keys') return void res.writeHead(404).end();
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sign = (key: CryptoKey, claims: JWTPayload, now: Date) => {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ iss: V1_ISSUER, aud: SSO_AUDIENCE, tid: SSO_TENANT, scp: 'access_as_user', ver: '1.0', iat, nbf: iat, exp: iat + 3600, ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test-key-1' })
      .sign(key);
  };
  return {
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    token: (claims, options = {}) => sign(options.unpublishedKey ? other.privateKey : published.privateKey, claims, options.now ?? now()),
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An unsigned token (alg "none") with the given claims. */
export function unsignedToken(claims: JWTPayload): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

/** A token signed with HMAC-SHA256 using `secret` (the key-confusion attack uses the public key as the secret). */
export async function hmacToken(claims: JWTPayload, secret: Uint8Array): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'test-key-1' }).sign(secret);
}
