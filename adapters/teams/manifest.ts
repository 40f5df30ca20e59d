// The Teams app package: a manifest at the current schema version (1.22), the two icons, zipped for sideloading.
import JSZip from 'jszip';
import { z } from 'zod';
import { t } from '../../prompts';
import { ACCENT, colorIcon, outlineIcon } from './icons';
import { applicationIdUri } from '../identity/teams-sso';

/** Where Seen serves the tab page (bot/teams-tab-routes.ts). */
export const TEAMS_TAB_PATH = '/teams/coverage';

/** The manifest schema version Seen targets (the current one on learn.microsoft.com). */
export const MANIFEST_VERSION = '1.22';
/** Where that schema lives; Teams and the Developer Portal validate against it. */
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

const Guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID (the Azure Bot\'s Microsoft App ID)');
const Https = z.string().url().startsWith('https://').max(2048);
const Command = z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) });

/** What the package is built from: the bot's app id, the app version, and the publisher's pages. */
export const PackageInput = z.object({
  appId: Guid,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be semver x.y.z'),
  websiteUrl: Https,
  privacyUrl: Https,
  termsOfUseUrl: Https,
  /** SEEN_PUBLIC_URL: with it the package adds the coverage tab and Teams single sign-on; without it, the bot only. */
  publicUrl: Https.refine((u) => new URL(u).pathname === '/' && !new URL(u).search, 'SEEN_PUBLIC_URL must be an origin, like https://seen.example.org').optional(),
});
export type PackageInput = z.infer<typeof PackageInput>;

/** The manifest fields Seen writes, checked with the schema's own limits before anything is zipped. */
export const TeamsManifest = z.object({
  $schema: z.literal(MANIFEST_SCHEMA),
  manifestVersion: z.literal(MANIFEST_VERSION),
  version: z.string(),
  id: Guid,
  developer: z.object({ name: z.string().min(1).max(32), websiteUrl: Https, privacyUrl: Https, termsOfUseUrl: Https }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  bots: z.array(z.object({
    botId: Guid,
    scopes: z.array(z.literal('personal')).length(1),
    supportsFiles: z.boolean(),
    isNotificationOnly: z.boolean(),
    commandLists: z.array(z.object({ scopes: z.array(z.literal('personal')).length(1), commands: z.array(Command).min(1).max(10) })).length(1),
  })).length(1),
  staticTabs: z.array(z.object({
    entityId: z.string().min(1).max(64),
    name: z.string().min(1).max(128),
    contentUrl: Https,
    websiteUrl: Https,
    scopes: z.array(z.literal('personal')).length(1),
  }).strict()).max(16).optional(),
  webApplicationInfo: z.object({ id: Guid, resource: z.string().startsWith('api://').max(2048) }).strict().optional(),
  validDomains: z.array(z.string().max(2048)).max(16),
}).strict();
export type TeamsManifest = z.infer<typeof TeamsManifest>;

/** Builds and validates the manifest: personal scope only, with the command list Teams shows in the compose box. */
export function buildManifest(input: PackageInput): TeamsManifest {
  const p = PackageInput.parse(input);
  const commands = [
    { title: t('teams.cmdPrepare'), description: t('teams.cmdPrepareHelp') },
    { title: t('teams.cmdWriteUp'), description: t('teams.cmdWriteUpHelp') },
    { title: t('teams.cmdCoverage'), description: t('teams.cmdCoverageHelp') },
    { title: t('teams.cmdHelp'), description: t('teams.cmdHelpHelp') },
  ];
  return TeamsManifest.parse({
    $schema: MANIFEST_SCHEMA,
    manifestVersion: MANIFEST_VERSION,
    version: p.version,
    id: p.appId,
    developer: { name: t('teams.developerName'), websiteUrl: p.websiteUrl, privacyUrl: p.privacyUrl, termsOfUseUrl: p.termsOfUseUrl },
    name: { short: t('teams.appShortName'), full: t('teams.appFullName') },
    description: { short: t('teams.descriptionShort'), full: t('teams.descriptionFull') },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT,
    bots: [{ botId: p.appId, scopes: ['personal'], supportsFiles: false, isNotificationOnly: false, commandLists: [{ scopes: ['personal'], commands }] }],
    ...(p.publicUrl ? coverageTab(p.appId, p.publicUrl) : { validDomains: [] }),
  });
}

/**
 * The personal coverage tab, signed in with Teams SSO: Teams asks Entra for a token for `webApplicationInfo.resource`
 * (Seen's Application ID URI) and the tab page hands it to Seen's coverage API.
 */
function coverageTab(appId: string, publicUrl: string): Pick<TeamsManifest, 'staticTabs' | 'webApplicationInfo' | 'validDomains'> {
  const origin = new URL(publicUrl);
  return {
    staticTabs: [{ entityId: 'coverage', name: t('teams.tabCoverage'), contentUrl: new URL(TEAMS_TAB_PATH, origin).href, websiteUrl: new URL('/coverage', origin).href, scopes: ['personal'] }],
    webApplicationInfo: { id: appId, resource: applicationIdUri(publicUrl, appId) },
    validDomains: [origin.host],
  };
}

/** The sideloadable zip: manifest.json, color.png and outline.png at its root (what Teams' "Upload a custom app" expects). */
export async function buildTeamsPackage(input: PackageInput): Promise<{ manifest: TeamsManifest; zip: Buffer }> {
  const manifest = buildManifest(input);
  const zip = new JSZip();
  // Why: a fixed date keeps the zip byte-for-byte reproducible for the same input.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('color.png', colorIcon(), { date });
  zip.file('outline.png', outlineIcon(), { date });
  return { manifest, zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}
