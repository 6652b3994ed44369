import nx from '@nx/eslint-plugin';

/**
 * Module boundaries are enforced, not decorative: services may use libs only (never each other),
 * messaging may use contracts and platform, and contracts, platform and text stand alone.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.state', '.nx', 'coverage', '**/jest.config.js'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform', 'type:text'] },
            { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:text', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tests', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    // Plain Node scripts (CommonJS) outside the TypeScript projects.
    files: ['scripts/**/*.js', 'tools/**/*.js', 'bench/**/*.js', 'samples/**/*.js', 'tests/**/*.js', '*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', fetch: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', globalThis: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
