export * from './lib/test-database';
export * from './lib/test-broker';
export * from './lib/eventually';
export * from './lib/tcp-proxy';
