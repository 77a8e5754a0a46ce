import nx from '@nx/eslint-plugin';

const boundaries = (inTests) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    depConstraints: [
      // A service uses libs only, never another service.
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: inTests ? ['type:lib', 'type:testing'] : ['type:lib'] },
      // The event catalogue is the only coupling, so it depends on nothing of ours.
      { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [] },
      // Test helpers (libs/testing) are for tests only, never for a lib's runtime code.
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: inTests ? ['type:lib', 'type:testing'] : ['type:lib'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['scope:contracts'] },
      // The CLI (tools/cli) uses libs only; its tests may use the test helpers too.
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: inTests ? ['type:lib', 'type:testing'] : ['type:lib'] },
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'tools/cli/bin/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
];
