// The Teams app package's manifest.json (what dist/seen-teams.zip carries) against the official JSON schema for the version
// it declares, as @microsoft/app-manifest ships it offline (issue 16; the CLI round trip is in package.slow.test.ts).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { ManifestUtil } from '@microsoft/app-manifest';
import { buildTeamsPackage } from '../../adapters/teams/manifest';

const input = { appId: '11111111-2222-4333-8444-555555555555', version: '0.1.0', websiteUrl: 'https://example.org/seen', privacyUrl: 'https://example.org/seen/privacy', termsOfUseUrl: 'https://example.org/seen/terms' };

/** The schema @microsoft/app-manifest ships for a manifestVersion (its fetchSchema would download the $schema URL instead). */
function officialSchema(version: string): object {
  const file = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  assert.ok(existsSync(file), `@microsoft/app-manifest ships no schema for manifestVersion ${version}`);
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

const built = new Map<string, Promise<Record<string, unknown>>>();
/** manifest.json as it is inside the zip (each package built once: the icons take a moment to encode). */
function zippedManifest(extra: Partial<{ publicUrl: string }> = {}): Promise<Record<string, unknown>> {
  const key = JSON.stringify(extra);
  if (!built.has(key)) built.set(key, buildTeamsPackage({ ...input, ...extra }).then(async ({ zip }) => JSON.parse(await (await JSZip.loadAsync(zip)).file('manifest.json')!.async('string')) as Record<string, unknown>));
  return built.get(key)!.then((m) => structuredClone(m));
}

describe('Teams: the packaged manifest against the official schema', () => {
  const cases: Array<[string, Partial<{ publicUrl: string }>]> = [['bot only', {}], ['with the coverage tab and Teams SSO', { publicUrl: 'https://seen.example.org' }]];
  for (const [what, extra] of cases) {
    it(`${what}: no schema errors for the version it declares, and $schema names that version`, async () => {
      const manifest = await zippedManifest(extra);
      const version = String(manifest['manifestVersion']);
      assert.match(String(manifest['$schema']), new RegExp(`/v${version.replace('.', '\\.')}/MicrosoftTeams\\.schema\\.json$`));
      assert.deepEqual(await ManifestUtil.validateManifestAgainstSchema(manifest as never, officialSchema(version) as never), []);
    });
  }

  const broken: Array<[string, (m: Record<string, unknown>) => Record<string, unknown>]> = [
    ['an id that is not a GUID', (m) => ({ ...m, id: 'seen' })],
    ['no developer', ({ developer: _d, ...m }) => m],
    ['a bot scope Teams does not know', (m) => ({ ...m, bots: [{ ...(m['bots'] as object[])[0], scopes: ['everywhere'] }] })],
  ];
  for (const [what, change] of broken) {
    it(`the check refuses ${what}`, async () => {
      const manifest = change(await zippedManifest());
      assert.notDeepEqual(await ManifestUtil.validateManifestAgainstSchema(manifest as never, officialSchema(String(manifest['manifestVersion'])) as never), []);
    });
  }
});
