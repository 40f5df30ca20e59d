// Seen's lint: TypeScript syntax rules, a line-length limit, and the layers as boundary rules (a violation fails npm test).
import './typescript-6.mjs';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/** The layers, lowest first; each may import only the ones listed in LAYERS below. */
const ELEMENTS = [
  { type: 'records', pattern: 'records/**', mode: 'full' },
  { type: 'analysis', pattern: 'analysis/**', mode: 'full' },
  { type: 'prompts', pattern: 'prompts/**', mode: 'full' },
  { type: 'views', pattern: 'views/**', mode: 'full' },
  { type: 'dialogs', pattern: 'dialogs/**', mode: 'full' },
  { type: 'adapters', pattern: 'adapters/**', mode: 'full' },
  { type: 'bot', pattern: 'bot/**', mode: 'full' },
  { type: 'bin', pattern: 'bin/**', mode: 'full' },
  { type: 'bench', pattern: 'bench/**', mode: 'full' },
  { type: 'test', pattern: 'test/**', mode: 'full' },
];

/** Who may import whom: records and analysis import nothing above them; dialogs never the edges; product never tests. */
const LAYERS = {
  records: ['records'],
  analysis: ['analysis', 'records'],
  prompts: ['prompts', 'records'],
  views: ['views', 'prompts', 'records'],
  dialogs: ['dialogs', 'views', 'prompts', 'records', 'analysis'],
  adapters: ['adapters', 'prompts', 'records'],
  bot: ['bot', 'dialogs', 'views', 'adapters', 'prompts', 'records', 'analysis'],
  bin: ['bin', 'bot', 'views', 'adapters', 'prompts', 'records', 'analysis'],
  // Why: helpers both use (a free port, the scripted practitioner) live in bench/, so tests import bench and never the reverse.
  bench: ['bench', 'bot', 'dialogs', 'views', 'adapters', 'prompts', 'records', 'analysis', 'bin'],
  test: ['test', 'bench', 'bot', 'dialogs', 'views', 'adapters', 'prompts', 'records', 'analysis', 'bin'],
};

/** Only the bot, its dialogs and the edges speak Bot Framework. */
const SDK = ['botbuilder', 'botbuilder-*', 'botframework-*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'lint/node_modules/**', 'web/**', 'test/reporter.cjs', 'bin/seen.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['**/*.ts'],
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
    },
    rules: {
      'max-len': ['error', { code: 200, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        policies: [
          ...Object.entries(LAYERS).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: to } } } },
          })),
          { from: { element: { types: { anyOf: ['records', 'analysis', 'prompts', 'views', 'bin'] } } },
            disallow: { to: { module: { origin: 'external', source: { anyOf: SDK } } } } },
        ],
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Why: the analyser's word lists are long lines of data; the analyser issue turns them into data files.
  { files: ['analysis/lexicon/**'], rules: { 'max-len': 'off' } },
);
