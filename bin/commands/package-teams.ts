// `seen package-teams [--out dist/seen-teams.zip]`: the Teams app package for sideloading, using MicrosoftAppId from the environment.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Command } from '../cli';
import { loadConfig, processEnv } from '../../bot/config';
import { buildTeamsPackage, MANIFEST_VERSION, PackageInput } from '../../adapters/teams/manifest';

const USAGE = 'usage: seen package-teams [--out file.zip] [--website url] [--privacy url] [--terms url]   (needs MicrosoftAppId; SEEN_PUBLIC_URL adds the coverage tab)\n';
const Args = z.object({
  out: z.string().min(1).default('dist/seen-teams.zip'),
  website: z.string().default('https://example.org/seen'),
  privacy: z.string().default('https://example.org/seen/privacy'),
  terms: z.string().default('https://example.org/seen/terms'),
});

/** Writes the zip and prints what is in it; exit 2 on bad arguments or a missing/invalid MicrosoftAppId. */
export const command: Command = {
  summary: 'package-teams [--out file]  write the Teams app package (manifest, icons) for sideloading',
  async run(argv, io) {
    let input: PackageInput;
    let out: string;
    try {
      const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, website: { type: 'string' }, privacy: { type: 'string' }, terms: { type: 'string' } } });
      const args = Args.parse(values);
      const config = loadConfig(processEnv());
      const appId = config.MicrosoftAppId;
      if (!appId) throw new Error('MicrosoftAppId is not set: put the Azure Bot\'s Microsoft App ID in the environment (see .env.example)');
      const version = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'))).version;
      input = PackageInput.parse({ appId, version, websiteUrl: args.website, privacyUrl: args.privacy, termsOfUseUrl: args.terms, publicUrl: config.SEEN_PUBLIC_URL });
      out = resolve(args.out);
    } catch (err) {
      const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ') : (err as Error).message;
      io.stderr(`seen package-teams: ${message}\n${USAGE}`);
      return 2;
    }
    const { manifest, zip } = await buildTeamsPackage(input);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    const tab = manifest.webApplicationInfo ? `, coverage tab signed in with Teams SSO (${manifest.webApplicationInfo.resource})` : ', no coverage tab (set SEEN_PUBLIC_URL to add it)';
    io.stdout(`wrote ${out} (${zip.length} bytes): manifest.json (schema ${MANIFEST_VERSION}, app ${manifest.id}${tab}), color.png 192x192, outline.png 32x32\n`);
    return 0;
  },
};
