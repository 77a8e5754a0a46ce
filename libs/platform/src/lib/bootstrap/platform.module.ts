import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule, type AuthWiring } from '../auth/auth.module';
import { PlatformConfigModule } from '../config/platform-config.module';
import { DeferredBodyProblemInterceptor } from '../errors/deferred-body-problem';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { HealthModule } from '../health/health.module';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ParameterValuesInterceptor } from '../params/parameter-values.interceptor';
import { GracefulHttpShutdown } from './graceful-http-shutdown';
import { ShutdownReport } from './shutdown-report';
import { TracingShutdown } from '../tracing/tracing-shutdown';

export interface PlatformModuleOptions {
  /** The service's name, as it appears in logs, metrics and the OpenAPI title. */
  service: string;
  /** Modules giving the auth guard an API-key verifier and a failure listener (intake's). */
  auth?: AuthWiring;
}

/**
 * Everything every service has: validated config, JSON logs with correlation ids, /health,
 * /metrics, problem+json errors, the global auth guard, path and query parameters refused when
 * they hold NUL or lone surrogates, and graceful HTTP shutdown.
 */
@Module({})
export class PlatformModule {
  static forRoot({ service, auth }: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [PlatformConfigModule.forRoot(service), LoggingModule, HealthModule, MetricsModule, AuthModule.forRoot(auth)],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Interceptors run after the guard: a body's or a parameter's problem never precedes the 401.
        { provide: APP_INTERCEPTOR, useClass: DeferredBodyProblemInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ParameterValuesInterceptor },
        GracefulHttpShutdown,
        ShutdownReport,
        TracingShutdown,
      ],
    };
  }
}
