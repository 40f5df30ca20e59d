// Teams SSO: time to check one tab token once the tenant's keys are cached (a local JWKS on loopback). `npx tsx bench/teams-sso.ts`
import { TeamsSsoVerifier } from '../adapters/identity/teams-sso';
import { startSsoKeys, SSO_APP_ID, SSO_TENANT, SSO_PUBLIC_URL } from './teams-sso-keys';
(async () => {
  const now = new Date('2026-11-26T10:00:00Z');
  const keys = await startSsoKeys(() => now);
  const v = new TeamsSsoVerifier({ appId: SSO_APP_ID, tenantId: SSO_TENANT, publicUrl: SSO_PUBLIC_URL, jwksUrl: keys.jwksUrl }, { now: () => now });
  const token = await keys.token({ oid: '00000000-0000-4000-8000-000000000002' });
  await v.verify(token);
  const n = 2000; const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await v.verify(token);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  console.log(`verify: ${us.toFixed(1)} µs per token over ${n} (JWKS fetched ${keys.fetches()} time(s))`);
  await keys.close();
})();
