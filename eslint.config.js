import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';
import boundaries from 'eslint-plugin-boundaries';

/** The folders of the project, each an element (unit tests beside the code count as tests). */
const elements = [
  ['test', 'test'],
  ['model', 'src/model'],
  ['domain', 'src/domain'],
  ['analysis', 'src/analysis'],
  ['charts', 'src/charts'],
  ['app', 'src/app'],
  ['store', 'src/store'],
  ['server', 'src/server'],
  ['cli', 'src/cli'],
  ['web', 'src/web'],
  ['demo', 'src/demo'],
  ['bench', 'bench'],
  ['scripts', 'scripts'],
];

/** The arrows of the README's Architecture section: what each element may import besides itself. */
const arrows = {
  model: [],
  domain: ['model'],
  analysis: ['domain', 'model'],
  charts: ['domain', 'model'],
  store: ['domain', 'model'],
  app: ['store', 'analysis', 'charts', 'domain', 'model'],
  server: ['app', 'store', 'analysis', 'domain', 'model'],
  cli: ['app', 'server', 'store', 'analysis', 'demo', 'domain', 'model'],
  web: ['charts', 'domain', 'model'],
  demo: ['app', 'store', 'analysis', 'domain', 'model'],
  bench: ['app', 'server', 'cli', 'store', 'analysis', 'demo', 'domain', 'model', 'test'],
  scripts: ['app', 'store', 'analysis', 'domain', 'model'],
  test: ['app', 'server', 'cli', 'store', 'analysis', 'charts', 'web', 'demo', 'domain', 'model', 'bench', 'scripts'],
};

/** Refuses any import between elements that is not an arrow (or, with `extra`, into one of those elements). */
const dependencyRule = (extra) => ({
  default: 'disallow',
  message: '{{from.type}} may not import {{to.type}}: not an arrow of README.md, Architecture',
  policies: Object.entries(arrows).map(([from, to]) => ({
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: [from, ...to, ...extra] } } } },
  })),
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['bin/**/*.js', '*.config.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Tests read JSON bodies of many shapes; typing each would add noise, not safety.
    files: ['test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Pure layers do no I/O (which folders may import which is checked by boundaries/dependencies below).
    files: ['src/model/**', 'src/domain/**', 'src/analysis/**', 'src/charts/**', 'src/demo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'node:http', 'pg', 'better-sqlite3', 'kysely', 'fastify', 'react'],
              message: 'Pure layers do no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every folder is an element; an import between elements must follow an arrow of README.md, Architecture.
    files: ['src/**/*.{ts,tsx,mjs}', 'test/**/*.{ts,mjs}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*', 'test/**/*', 'bench/**/*', 'scripts/**/*'],
      'boundaries/elements': elements.map(([type, pattern]) => ({ type, pattern })),
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': ['error', dependencyRule([])],
    },
  },
  {
    // Unit tests beside the code follow their folder's arrows and may also use test/'s fixtures and helpers.
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { 'boundaries/dependencies': ['error', dependencyRule(['test'])] },
  },
  {
    // The store is typed over its schema: no `any`, and no comment may switch the rule off.
    files: ['src/store/**'],
    ignores: ['**/*.test.ts'],
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@eslint-community/eslint-comments/no-restricted-disable': ['error', '@typescript-eslint/no-explicit-any'],
    },
  },
  {
    // A migration is frozen in time: it carries the code it runs, so it changes when nothing else does.
    files: ['src/store/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**', '**/analysis/**', '**/app/**', '**/server/**', '**/cli/**', '**/web/**'],
              message: 'A migration copies the code it needs instead of importing live code.',
            },
            {
              group: ['../*.ts', '../repositories/**', '../../store/**'],
              message: 'A migration imports no live store code (schema, repositories).',
            },
          ],
        },
      ],
    },
  },
);
