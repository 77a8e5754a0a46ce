import { type MiddlewareConsumer, Module, type NestModule, type OnModuleInit } from '@nestjs/common';
import { PlatformConfig } from '../config/platform-config';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { startProcessMetrics } from './process-metrics';

@Module({ controllers: [MetricsController] })
export class MetricsModule implements NestModule, OnModuleInit {
  constructor(private readonly config: PlatformConfig) {}

  onModuleInit(): void {
    startProcessMetrics(this.config.service);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
