import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, DOMAIN_WORDING } from '../../prompts';
import { namespace } from '../../prompts/catalog';
import { DOMAIN_IDS } from '../../records/practice-model';

// Like Rasa's validator: every key the code uses exists (the compiler checks that), and every defined key is used somewhere.
const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['bot', 'dialogs', 'views', 'adapters', 'prompts'];

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
  // Why these rows: the catalogue is checked when prompts/ loads, so what needs a test is that the check refuses bad wording.
  const refused: Array<[string, Record<string, string>]> = [
    ['empty wording', { greeting: '' }],
    ['wording that is only spaces', { greeting: '   ' }],
    ['wording longer than a chat bubble', { greeting: 'x'.repeat(2001) }],
    ['a key that is not an identifier', { 'two words': 'Hello' }],
  ];
  for (const [what, table] of refused) it(`refuses ${what} at start-up`, () => assert.throws(() => namespace('common', table)));

  it('accepts ordinary wording and prefixes its keys', () => assert.deepEqual(namespace('common', { greeting: 'Hello' }), { 'common.greeting': 'Hello' }));

  it('defines wording for all eight domains', () => {
    assert.deepEqual(Object.keys(DOMAIN_WORDING).sort(), [...DOMAIN_IDS].sort());
  });

  it('uses every defined key somewhere in bot/, dialogs/, views/, adapters/ or prompts/labels.ts', () => {
    const unused = Object.keys(CATALOG).filter((k) => !literalKeys.has(k) && !templatePrefixes.some((p) => k.startsWith(p)));
    assert.deepEqual(unused, []);
  });

  it('calls t() with no key that is not defined', () => {
    assert.ok(calledKeys.size > 50, `found only ${calledKeys.size} t() calls: the scan is broken`);
    const undefinedKeys = [...calledKeys].filter((k) => !(k in CATALOG));
    assert.deepEqual(undefinedKeys, []);
  });
});
