import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomStrategy, CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { EventHandlerErrorFilter } from '@hotline/messaging';
import { PlatformConfig } from '../config/platform-config';
import { startTracing } from '../tracing/start-tracing';
import { configurePlatformApp, type PlatformAppOptions } from './configure-platform-app';

export interface BootstrapServiceOptions extends PlatformAppOptions {
  name: string;
  /** Port used when PORT is not set. */
  defaultPort: number;
  /**
   * The service's message transport (messaging's strategy), started before HTTP listens; or a
   * factory for it, given the config (AMQP_URL, HOTLINE_NAMESPACE) and the app (its inbox and outbox).
   */
  microservice?: CustomTransportStrategy | ((config: PlatformConfig, app: NestExpressApplication) => CustomTransportStrategy);
}

/** Creates, configures and starts a service: its main.ts is one call to this. */
export async function bootstrapService(
  appModule: Type<unknown>,
  options: BootstrapServiceOptions,
): Promise<NestExpressApplication> {
  // Before the app exists, so span export (when OTEL_EXPORTER_OTLP_ENDPOINT is set) sees all its work.
  const tracing = startTracing(process.env, { name: options.name });
  // abortOnError: false makes a failed start reject (exit code 1) instead of process.abort() dumping core.
  // rawBody keeps the bytes the JSON and form parsers read (`req.rawBody`), for platforms that sign
  // the body itself (Help Scout's X-HelpScout-Signature); the parsers' size and depth limits still apply.
  const app = await NestFactory.create<NestExpressApplication>(appModule, { bufferLogs: true, abortOnError: false, rawBody: true });
  const config = app.get(PlatformConfig);
  configurePlatformApp(app, options);
  if (tracing.notice) app.get(Logger).log(tracing.notice, 'Tracing');
  app.enableShutdownHooks();
  if (options.microservice) {
    const strategy = typeof options.microservice === 'function' ? options.microservice(config, app) : options.microservice;
    // Without this filter Nest replaces a handler's error with "Internal server error", and the
    // transport could no longer tell a permanent failure from a transient one.
    app
      .connectMicroservice<CustomStrategy>({ strategy }, { deferInitialization: true })
      .useGlobalFilters(new EventHandlerErrorFilter());
    await app.startAllMicroservices();
  }
  await app.listen(config.port ?? options.defaultPort);
  app.get(Logger).log(`${options.name} listening on ${await app.getUrl()}`, 'Bootstrap');
  return app;
}
