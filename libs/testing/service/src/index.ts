export * from './lib/start-service';
export * from './lib/shared-service-checks';
export * from './lib/route-walk';
export * from './lib/tenant-standards';
