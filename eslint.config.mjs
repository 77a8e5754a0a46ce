import nx from '@nx/eslint-plugin';

/**
 * What a project is, by tag, and what it may use:
 * - type:contracts (libs/contracts): the event catalogue, the only coupling; uses nothing of ours.
 * - type:util (libs/standards, libs/csv): pure TypeScript rules, data and formats; uses only contracts and
 *   other utils.
 * - type:infra (libs/messaging, libs/platform): adapters to Nest, PostgreSQL and RabbitMQ.
 * - type:testing (libs/testing, libs/testing/service): test helpers, for tests only (never a project's
 *   runtime code); libs/testing/service starts a service as its main.ts does, so it uses platform.
 * - type:service, type:tool: deployables and tools; they use libs, never each other.
 */
const LIBS = ['type:contracts', 'type:util', 'type:infra'];
const withTesting = (inTests, tags) => (inTests ? [...tags, 'type:testing'] : tags);

const boundaries = (inTests) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: withTesting(inTests, []) },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: withTesting(inTests, ['type:contracts', 'type:util']) },
      { sourceTag: 'type:infra', onlyDependOnLibsWithTags: withTesting(inTests, LIBS) },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [...LIBS, 'type:testing'] },
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: withTesting(inTests, LIBS) },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: withTesting(inTests, LIBS) },
    ],
  },
];

/**
 * Domain code (a state machine, an SLA computation, an etiquette rule), the contracts and the pure
 * libs (standards, csv) are plain TypeScript: no framework, database or broker, and none of our adapters.
 */
export const FRAMEWORK_FREE_FILES = ['**/domain/**/*.ts', 'libs/contracts/src/**/*.ts', 'libs/standards/src/**/*.ts', 'libs/csv/src/**/*.ts'];
const frameworkFree = [
  'error',
  {
    patterns: [
      {
        group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'amqplib', 'amqp-connection-manager', 'express', 'rxjs', 'nestjs-pino', 'pino*', 'prom-client'],
        message: 'Domain code, contracts and the pure libs are plain TypeScript: put framework, database and broker code in an adapter outside domain/.',
      },
      {
        group: ['@hotline/messaging', '@hotline/platform', '@hotline/testing', '@hotline/messaging/*', '@hotline/platform/*'],
        message: 'Domain code, contracts and the pure libs use no infrastructure lib: pass what they need in as plain data or a port.',
      },
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
    // tools/e2e is test code throughout: its helpers start the stack for its specs.
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*-spec.ts', 'tools/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    files: FRAMEWORK_FREE_FILES,
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': frameworkFree },
  },
];
