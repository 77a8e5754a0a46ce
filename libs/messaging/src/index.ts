export * from './lib/correlation/correlation-context';
export * from './lib/broker-connection';
