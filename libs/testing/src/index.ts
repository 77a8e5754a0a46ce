export * from './lib/test-database';
export * from './lib/test-broker';
export * from './lib/eventually';
export * from './lib/tcp-proxy';
export * from './lib/isolated-environment';
export * from './lib/bus-publisher';
export * from './lib/bus-tap';
export * from './lib/prometheus-text';
