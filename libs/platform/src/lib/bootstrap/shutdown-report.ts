import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

/** Says that every shutdown hook has run, so operators (and tests) can tell a clean stop from a kill. */
@Injectable()
export class ShutdownReport implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`stopped cleanly${signal ? ` on ${signal}` : ''}`);
  }
}
