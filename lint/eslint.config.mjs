// Seen's lint: TypeScript syntax rules, a line-length limit, and the layers as boundary rules (a violation fails npm test).
import './typescript-6.mjs';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/** The layers, lowest first; each may import only the ones listed in LAYERS below. */
const ELEMENTS = [
  { type: 'records', pattern: 'records/**', partialMatch: false },
  { type: 'analysis', pattern: 'analysis/**', partialMatch: false },
  { type: 'prompts', pattern: 'prompts/**', partialMatch: false },
  { type: 'views', pattern: 'views/**', partialMatch: false },
  { type: 'dialogs', pattern: 'dialogs/**', partialMatch: false },
  { type: 'adapters', pattern: 'adapters/**', partialMatch: false },
  { type: 'bot', pattern: 'bot/**', partialMatch: false },
  { type: 'bin', pattern: 'bin/**', partialMatch: false },
  { type: 'bench', pattern: 'bench/**', partialMatch: false },
  { type: 'test', pattern: 'test/**', partialMatch: false },
];

/** Who may import whom: records and analysis import nothing above them; dialogs never the edges; product never tests. */
const LAYERS = {
  records: ['records'],
  analysis: ['analysis', 'records'],
  prompts: ['prompts', 'records'],
  views: ['views', 'prompts', 'records'],
  dialogs: ['dialogs', 'views', 'prompts', 'records', 'analysis'],
  adapters: ['adapters', 'prompts', 'records', 'analysis'],
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
        ],
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Why: only the bot, its dialogs and the edges speak Bot Framework; records, analysis, wording, views and the CLI stay SDK-free.
  {
    files: ['records/**/*.ts', 'analysis/**/*.ts', 'prompts/**/*.ts', 'views/**/*.ts', 'bin/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: SDK, message: 'Only bot/, dialogs/ and adapters/ import the Bot Framework SDK.' }] }] },
  },
  // Why: a channel's behaviour is answered once, in views/channels.ts; elsewhere a channel id is a question asked in the wrong place.
  {
    files: ['bot/**/*.ts', 'dialogs/**/*.ts', 'views/**/*.ts'],
    ignores: ['views/channels.ts', 'dialogs/step-values.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'Literal[value=/^(msteams|webchat|directline|emulator)$/]', message: 'Ask views/channels.ts (channelOf) instead of testing a channel id.' },
        // Why: one way to read a waterfall's values, typed, so a renamed field is a compile error everywhere.
        { selector: "MemberExpression[object.name='step'][property.name='values']", message: 'Read step values with bag<T>(step) from dialogs/step-values.ts.' },
      ],
    },
  },
);
