// The Teams app package: manifest fields against the 1.22 schema's rules, valid PNG icons, zip contents, and the CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { inflateSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { buildManifest, buildTeamsPackage, MANIFEST_SCHEMA, MANIFEST_VERSION } from '../../adapters/teams/manifest';
import { encodePng } from '../../adapters/teams/icons';
import { loadConfig } from '../../bot/config';

const ROOT = join(__dirname, '..', '..');
const APP_ID = '11111111-2222-4333-8444-555555555555';
const input = { appId: APP_ID, version: '0.1.0', websiteUrl: 'https://example.org/seen', privacyUrl: 'https://example.org/seen/privacy', termsOfUseUrl: 'https://example.org/seen/terms' };

/** Reads a PNG's size, colour type and pixels (8-bit RGBA, filter 0 rows, as encodePng writes). */
function readPng(buf: Buffer): { width: number; height: number; colourType: number; rgba: Buffer } {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  let offset = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.concat(Array.from({ length: height }, (_, y) => raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))));
  return { width, height, colourType: header![9], rgba };
}

describe('Teams: the app package', () => {
  it('builds a manifest at the current schema with personal scope and the four commands', () => {
    const m = buildManifest(input);
    assert.equal(m.manifestVersion, MANIFEST_VERSION);
    assert.equal(m.$schema, MANIFEST_SCHEMA);
    assert.equal(m.id, APP_ID);
    assert.equal(m.bots[0].botId, APP_ID);
    assert.deepEqual(m.bots[0].scopes, ['personal']);
    assert.deepEqual(m.bots[0].commandLists[0].commands.map((c) => c.title), ['prepare', 'write up', 'coverage', 'help']);
    assert.deepEqual(m.icons, { color: 'color.png', outline: 'outline.png' });
  });

  const bad: Array<[string, Partial<typeof input>]> = [
    ['an app id that is not a GUID', { appId: 'seen-bot' }],
    ['a version that is not x.y.z', { version: '1.0' }],
    ['a website that is not https', { websiteUrl: 'http://example.org' }],
  ];
  for (const [what, change] of bad) it(`refuses ${what}`, () => assert.throws(() => buildManifest({ ...input, ...change })));

  it('zips manifest.json, a 192x192 colour icon and a 32x32 white-on-transparent outline icon', async () => {
    const { zip } = await buildTeamsPackage(input);
    const files = await JSZip.loadAsync(zip);
    assert.deepEqual(Object.keys(files.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await files.file('manifest.json')!.async('string'));
    assert.equal(manifest.manifestVersion, MANIFEST_VERSION);
    const color = readPng(await files.file('color.png')!.async('nodebuffer'));
    assert.deepEqual([color.width, color.height, color.colourType], [192, 192, 6]);
    assert.ok([...Array(192 * 192).keys()].every((i) => color.rgba[i * 4 + 3] === 255), 'colour icon is opaque');
    const outline = readPng(await files.file('outline.png')!.async('nodebuffer'));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    const pixels = [...Array(32 * 32).keys()].map((i) => [...outline.rgba.subarray(i * 4, i * 4 + 4)]);
    assert.ok(pixels.every(([r, g, b]) => r === 255 && g === 255 && b === 255), 'outline is white');
    assert.ok(pixels.some(([, , , a]) => a === 0) && pixels.some(([, , , a]) => a === 255), 'outline has transparent and solid pixels');
    assert.equal(outline.rgba.readUInt32BE(0) & 0xff, 0, 'the corner is transparent');
  });

  // Why the official schema too: zod holds Seen's own limits, the 1.22 JSON schema (shipped offline in @microsoft/app-manifest) is what Teams checks.
  const officialSchema = () => JSON.parse(readFileSync(join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', `v${MANIFEST_VERSION}`, 'MicrosoftTeams.schema.json'), 'utf8'));
  const schemaErrors = (manifest: object) => ManifestUtil.validateManifestAgainstSchema(manifest as never, officialSchema());

  it('validates against the official 1.22 schema, bot only and with the coverage tab', async () => {
    assert.deepEqual(await schemaErrors(buildManifest(input)), []);
    assert.deepEqual(await schemaErrors(buildManifest({ ...input, publicUrl: 'https://seen.example.org' })), []);
    assert.notDeepEqual(await schemaErrors({ ...buildManifest(input), staticTabs: [{ entityId: 'c'.repeat(65), scopes: ['personal'] }], webApplicationInfo: { resource: 'api://x' } }), [], 'the schema check can fail (entityId over 64, no id)');
  });

  it('with SEEN_PUBLIC_URL adds the personal coverage tab and Teams SSO (webApplicationInfo)', () => {
    const m = buildManifest({ ...input, publicUrl: 'https://seen.example.org:8443' });
    assert.deepEqual(m.staticTabs, [{ entityId: 'coverage', name: 'Coverage', contentUrl: 'https://seen.example.org:8443/teams/coverage', websiteUrl: 'https://seen.example.org:8443/coverage', scopes: ['personal'] }]);
    assert.deepEqual(m.webApplicationInfo, { id: APP_ID, resource: `api://seen.example.org:8443/${APP_ID}` });
    assert.deepEqual(m.validDomains, ['seen.example.org:8443']);
    assert.equal(buildManifest(input).staticTabs, undefined, 'no public URL, no tab');
    assert.throws(() => buildManifest({ ...input, publicUrl: 'http://seen.example.org' }), /https/);
    assert.throws(() => buildManifest({ ...input, publicUrl: 'https://seen.example.org/seen' }), /must be an origin/);
  });

  it('builds the same bytes for the same input', async () => {
    assert.deepEqual((await buildTeamsPackage(input)).zip, (await buildTeamsPackage(input)).zip);
  });

  it('refuses pixel data of the wrong size', () => assert.throws(() => encodePng(2, 2, new Uint8Array(3)), RangeError));

  it('.env.example names every variable Seen reads, and its values parse', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const named = new Set([...example.matchAll(/^#?\s*([A-Za-z_]+)=/gm)].map((m) => m[1]));
    const schemaKeys = Object.keys((loadConfig({}) as object)).concat(['SEEN_DATABASE_URL', 'SEEN_DIRECTLINE_SECRET', 'SEEN_RETENTION_DAYS', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId']);
    for (const key of new Set(schemaKeys)) assert.ok(named.has(key), `${key} is documented`);
    const env = Object.fromEntries([...example.matchAll(/^([A-Za-z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    assert.doesNotThrow(() => loadConfig(env));
  });

  describe('npm run package:teams (seen package-teams)', function () {
    this.timeout(30_000);
    let dir: string;
    before(() => (dir = mkdtempSync(join(tmpdir(), 'seen-pkg-'))));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const run = (env: Record<string, string>, ...args: string[]) =>
      promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'seen.js'), 'package-teams', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } }).then(
        (r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

    it('writes the zip using MicrosoftAppId from the environment', async () => {
      const out = join(dir, 'seen-teams.zip');
      const r = await run({ MicrosoftAppId: APP_ID }, '--out', out);
      assert.equal(r.code, 0, r.stderr);
      const manifest = JSON.parse(await (await JSZip.loadAsync(readFileSync(out))).file('manifest.json')!.async('string'));
      assert.equal(manifest.bots[0].botId, APP_ID);
      assert.match(r.stdout, /no coverage tab \(set SEEN_PUBLIC_URL to add it\)/);
    });

    it('adds the coverage tab when SEEN_PUBLIC_URL is set', async () => {
      const out = join(dir, 'seen-teams-tab.zip');
      const r = await run({ MicrosoftAppId: APP_ID, SEEN_PUBLIC_URL: 'https://seen.example.org' }, '--out', out);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`coverage tab signed in with Teams SSO \\(api://seen\\.example\\.org/${APP_ID}\\)`));
      const manifest = JSON.parse(await (await JSZip.loadAsync(readFileSync(out))).file('manifest.json')!.async('string'));
      assert.equal(manifest.webApplicationInfo.resource, `api://seen.example.org/${APP_ID}`);
      assert.deepEqual(await schemaErrors(manifest), []);
    });

    const refusals: Array<[string, Record<string, string>, string[], RegExp]> = [
      ['no MicrosoftAppId', {}, [], /MicrosoftAppId is not set/],
      ['a MicrosoftAppId that is not a GUID', { MicrosoftAppId: 'my-bot' }, [], /appId: must be a GUID/],
      ['an http website', { MicrosoftAppId: APP_ID }, ['--website', 'http://example.org'], /websiteUrl/],
      ['an unknown option', { MicrosoftAppId: APP_ID }, ['--colour', 'red'], /Unknown option/],
    ];
    for (const [what, env, args, message] of refusals) {
      it(`exits 2 with a message for ${what}`, async () => {
        const r = await run(env, '--out', join(dir, 'never.zip'), ...args);
        assert.equal(r.code, 2);
        assert.match(r.stderr, message);
      });
    }
  });
});
