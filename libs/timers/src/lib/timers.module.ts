import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DurableTimers, type DurableTimersOptions, TIMERS_STATUS } from './durable-timers';

export interface TimersModuleOptions extends DurableTimersOptions {
  /** Fire timers in this process (default true); false still lets it set and cancel them. */
  run?: boolean;
}

const OPTIONS = Symbol('TIMERS_OPTIONS');

/** Starts firing once every module has registered its handlers, and stops before the pool closes. */
@Injectable()
class TimersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly timers: DurableTimers,
    @Inject(OPTIONS) private readonly options: TimersModuleOptions,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    if (this.options.run !== false) await this.timers.start();
  }
  async beforeApplicationShutdown(): Promise<void> {
    await this.timers.stop();
  }
}

/**
 * Durable timers for a service: `DurableTimers` to set, cancel and handle timers. Needs TypeORM's
 * `DataSource` and the durable timers migration (`durableTimersMigration(schema)`).
 */
@Module({})
export class TimersModule {
  static forRoot(options: TimersModuleOptions): DynamicModule {
    return {
      module: TimersModule,
      global: true,
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: DurableTimers, inject: [DataSource], useFactory: (ds: DataSource) => new DurableTimers(ds, options) },
        { provide: TIMERS_STATUS, useExisting: DurableTimers },
        TimersLifecycle,
      ],
      exports: [DurableTimers, TIMERS_STATUS],
    };
  }
}
