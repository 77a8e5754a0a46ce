import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Clock, DurableTimers } from '@hotline/timers';
import { CLOCK_RETENTION_TIMER, PurgeClosedClocks } from './use-cases/purge-closed-clocks';
import { WALL_CLOCK } from './wall-clock';

/**
 * Runs the closed clocks' retention job on its durable timer: registers the handler, and at start
 * sets the timer due now (a restart runs the job once, then it re-arms itself as it goes).
 */
@Injectable()
export class ClockRetentionTimer implements OnModuleInit, OnApplicationBootstrap {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;
  private armed = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly purge: PurgeClosedClocks,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handle(CLOCK_RETENTION_TIMER.kind, async (manager) => {
      await this.purge.execute(manager);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.armed) return;
    this.armed = true;
    await this.dataSource.transaction((manager) => this.timers.set(manager, { ...CLOCK_RETENTION_TIMER, dueAt: this.clock.now() }));
  }
}
