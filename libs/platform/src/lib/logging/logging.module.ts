import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { PlatformConfig } from '../config/platform-config';
import { correlationMiddleware } from './correlation.middleware';
import { loggerParams } from './logger-params';

@Module({
  imports: [LoggerModule.forRootAsync({ inject: [PlatformConfig], useFactory: loggerParams })],
})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationMiddleware).forRoutes('*');
  }
}
