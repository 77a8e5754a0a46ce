import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { runningTracing } from './start-tracing';

/** Flushes and stops span export when the app shuts down, after its last request and delivery. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return runningTracing().shutdown();
  }
}
