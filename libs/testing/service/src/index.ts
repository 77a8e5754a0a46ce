export * from './lib/start-service';
