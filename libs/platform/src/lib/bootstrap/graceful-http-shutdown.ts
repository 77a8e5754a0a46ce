import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { PlatformConfig } from '../config/platform-config';
import { HttpServerDrain } from './http-server-drain';

/**
 * On shutdown (SIGTERM/SIGINT with enableShutdownHooks), stops taking requests and lets those in
 * flight finish, for at most SHUTDOWN_TIMEOUT_MS, before Nest closes the database and the broker.
 */
@Injectable()
export class GracefulHttpShutdown implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private drain?: HttpServerDrain;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: PlatformConfig,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    // A hybrid app runs bootstrap hooks again when its microservice starts: attach once.
    if (server) this.drain ??= new HttpServerDrain(server);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drain?.close(this.config.shutdownTimeoutMs);
  }
}
