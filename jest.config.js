// One Jest run for the whole workspace: unit specs next to the code (*.spec.ts), integration and
// e2e specs under each project's test/ folder (*.int-spec.ts, *.e2e-spec.ts). Transpiled by SWC
// with decorator metadata (Nest's DI needs it); type checking is `tsc --noEmit` in `npm test`.
const os = require('node:os');
const { pathsToModuleNameMapper } = require('./tools/dev/jest-paths');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    // The OTLP exporter loads node:http with a dynamic import(), which Jest's CommonJS runtime
    // refuses; transpiled by SWC, it becomes a require() and posts as it does in production.
    '/@opentelemetry/otlp-exporter-base/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@opentelemetry/otlp-exporter-base/)'],
  moduleNameMapper: pathsToModuleNameMapper(),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  // Most specs wait on PostgreSQL and RabbitMQ, not the CPU: Jest's default (cores − 1) would run one
  // worker on two cores; two halve the suite there (826 s → 422 s, all 2,160 tests passing).
  maxWorkers: Math.max(2, os.cpus().length - 1),
};
