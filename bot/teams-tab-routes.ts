// The Teams coverage tab: its page, the teams-js bundle, and Teams single sign-on in front of the coverage API.
import { join } from 'node:path';
import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { CaseRecords } from '../records/repository';
import { TeamsSsoVerifier, teamsSsoMiddleware } from '../adapters/identity/teams-sso';
import type { Config } from './config';
import { TEAMS_TAB_PATH } from '../adapters/teams/manifest';
import { t } from '../prompts';

/** Teams' web and desktop clients frame the tab from these origins (Microsoft's documented list for tabs). */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://teams.cloud.microsoft', 'https://*.cloud.microsoft',
  'https://*.office.com', 'https://*.microsoft365.com', 'https://*.skype.com', 'https://teams.live.com',
] as const;

export interface TeamsTabDeps {
  records: Pick<CaseRecords, 'getUserByAadObjectId'>;
  logger: Logger;
  webDir: string;
  /** Present when MicrosoftAppId, MicrosoftAppTenantId and an https SEEN_PUBLIC_URL are all set. */
  verifier?: TeamsSsoVerifier;
}

/** The tab's token verifier when Teams SSO is configured (app id, tenant id, https public URL); otherwise undefined, and says why once. */
export function teamsSsoVerifier(config: Config, logger: Logger, now: () => Date): TeamsSsoVerifier | undefined {
  const { MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId, SEEN_PUBLIC_URL: publicUrl, SEEN_TEAMS_SSO_JWKS_URL: jwksUrl } = config;
  if (!appId || !tenantId || !publicUrl?.startsWith('https://')) {
    if (appId) logger.info({ event: 'teams_sso_off' }, 'Teams tab sign-in is off: it needs MicrosoftAppTenantId and an https SEEN_PUBLIC_URL');
    return undefined;
  }
  return new TeamsSsoVerifier({ appId, tenantId, publicUrl, jwksUrl }, { now });
}

/** The tab's page, the teams-js bundle and the tab's wording (none of them holds user data, so they need no sign-in). */
export function teamsTabRouter(deps: TeamsTabDeps): Router {
  const router = Router();
  const teamsJs = join(require.resolve('@microsoft/teams-js'), '..', 'MicrosoftTeams.min.js');

  // Why its own CSP: the tab lives in a Teams iframe, so frame-ancestors names Teams' origins (the rest of Seen stays 'none').
  router.get(TEAMS_TAB_PATH, (_req, res, next) => {
    const csp = res.getHeader('Content-Security-Policy');
    const base = typeof csp === 'string' ? csp.replace(/frame-ancestors[^;]*/, '').replace(/;;+/g, ';').replace(/;$/, '') : "default-src 'self';script-src 'self'";
    res.setHeader('Content-Security-Policy', `${base};frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`);
    res.removeHeader('X-Frame-Options');
    res.sendFile(join(deps.webDir, 'teams-coverage.html'), (err) => (err ? next(err) : undefined));
  });
  // Why: CSP allows scripts from Seen only, so Microsoft's teams-js UMD build is served from node_modules, never a CDN.
  router.get('/vendor/teams-js.js', (_req, res, next) => res.type('application/javascript').sendFile(teamsJs, { maxAge: '1h' }, (err) => (err ? next(err) : undefined)));
  // The words the tab shows before it is signed in (no user data).
  router.get('/api/teams-tab/labels', (_req, res) => {
    res.json({ signingIn: t('teams.tabSigningIn'), loading: t('teams.tabLoading'), signInFailed: t('teams.tabSignInFailed'), notASeenUser: t('teams.tabNotASeenUser'), notInTeams: t('teams.tabNotInTeams') });
  });

  return router;
}

/** Identity for the coverage API from a Teams SSO bearer token; mounted before the session, so the tab needs no cookie. */
export function teamsSsoIdentity(deps: Omit<TeamsTabDeps, 'webDir'>): RequestHandler {
  const sso: RequestHandler = deps.verifier
    ? teamsSsoMiddleware({ verifier: deps.verifier, records: deps.records, logger: deps.logger, notASeenUser: t('teams.tabNotASeenUser') })
    : (req, res, next) => {
      // Why refuse rather than ignore: a bearer token Seen cannot check must never fall through to another way in.
      if (!req.get('authorization')) return next();
      res.status(401).json({ error: { code: 'SignInNotConfigured', message: 'Teams sign-in needs MicrosoftAppId, MicrosoftAppTenantId and an https SEEN_PUBLIC_URL' } });
    };
  return Router().use('/api/coverage', sso);
}
