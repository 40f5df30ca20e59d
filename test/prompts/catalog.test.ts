import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, DOMAIN_WORDING } from '../../prompts';
import { DOMAIN_IDS } from '../../records/practice-model';

// Like Rasa's validator: every key the code uses exists (the compiler checks that), and every defined key is used somewhere.
const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['bot', 'dialogs', 'adapters', 'prompts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const code = SOURCE_DIRS.flatMap((d) => sources(join(ROOT, d)))
  .filter((f) => !/prompts[/\\](common|writeup|summary|substance|parenting)\.ts$/.test(f))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const literalKeys = new Set([...code.matchAll(/['"`]([a-z]+\.[a-zA-Z0-9_]+)['"`]/g)].map((m) => m[1]));
const calledKeys = new Set([...code.matchAll(/\bt\(\s*['"`]([a-z]+\.[a-zA-Z0-9_]+)['"`]/g)].map((m) => m[1]));
const templatePrefixes = [...code.matchAll(/`([a-z]+\.[a-zA-Z0-9_]*)\$\{/g)].map((m) => m[1]);

describe('prompts: the wording catalogue', () => {
  it('has only non-empty wording (validated at start-up)', () => {
    for (const [key, text] of Object.entries(CATALOG)) assert.ok(text.trim().length > 0, key);
  });

  it('defines wording for all eight domains', () => {
    assert.deepEqual(Object.keys(DOMAIN_WORDING).sort(), [...DOMAIN_IDS].sort());
  });

  it('uses every defined key somewhere in bot/, dialogs/, adapters/ or prompts/labels.ts', () => {
    const unused = Object.keys(CATALOG).filter((k) => !literalKeys.has(k) && !templatePrefixes.some((p) => k.startsWith(p)));
    assert.deepEqual(unused, []);
  });

  it('calls t() with no key that is not defined', () => {
    assert.ok(calledKeys.size > 50, `found only ${calledKeys.size} t() calls: the scan is broken`);
    const undefinedKeys = [...calledKeys].filter((k) => !(k in CATALOG));
    assert.deepEqual(undefinedKeys, []);
  });
});
