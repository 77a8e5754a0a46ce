import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { BROKER_SETTINGS, type BrokerSettings } from '@hotline/messaging';
import { loadPlatformConfig } from './load-platform-config';
import { PlatformConfig } from './platform-config';
import type { PlatformEnv } from './platform-env';

/**
 * Validated when the app is created, not when the module is imported: a test sets DATABASE_URL
 * and friends after its imports have run.
 */
const platformEnv = registerAs('platform', () => loadPlatformConfig(process.env));

/** ConfigModule (global, reading .env too) plus the typed PlatformConfig. */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: PlatformConfigModule,
      imports: [ConfigModule.forRoot({ isGlobal: true, load: [platformEnv] })],
      providers: [
        {
          provide: PlatformConfig,
          inject: [platformEnv.KEY],
          useFactory: (env: PlatformEnv) => new PlatformConfig(service, env),
        },
        {
          provide: BROKER_SETTINGS,
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig): BrokerSettings => ({ amqpUrl: config.amqpUrl, namespace: config.namespace }),
        },
      ],
      exports: [PlatformConfig, BROKER_SETTINGS],
    };
  }
}
