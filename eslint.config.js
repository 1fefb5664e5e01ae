import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';

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
    files: ['src/model/**', 'src/domain/**', 'src/analysis/**', 'src/demo/**'],
    ignores: ['src/demo/seed.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/server/**', '**/web/**', '**/cli/**'],
              message: 'Pure layers import no adapters.',
            },
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
