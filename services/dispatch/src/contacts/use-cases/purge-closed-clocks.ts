import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Clock, DurableTimers } from '@hotline/timers';
import { closedClocksPurged } from '../clock-retention-metrics';
import { CLOCK_RETENTION } from '../clock-retention-settings';
import { ContactClocksRepository } from '../contact-clocks.repository';
import { type ClockRetention, nextPurgeAt, purgeCutoff } from '../domain/clock-retention';
import { WALL_CLOCK } from '../wall-clock';

/**
 * The retention job's durable timer: one for the whole service (not a tenant's; `*` stands for all),
 * so whichever replica claims it runs the job and the others never do; a restart finds it set.
 */
export const CLOCK_RETENTION_TIMER = { tenantId: '*', kind: 'dispatch.clock-retention', key: 'contact-clocks' } as const;

/**
 * One run of the retention job, in its timer's transaction: deletes a batch of closed clocks past
 * their retention time and sets the timer again (at once after a full batch), so the delete and the
 * next run commit together. Case clocks are not touched: they are part of the case's timeline.
 */
@Injectable()
export class PurgeClosedClocks {
  constructor(
    private readonly clocks: ContactClocksRepository,
    private readonly timers: DurableTimers,
    @Inject(CLOCK_RETENTION) private readonly retention: ClockRetention,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager): Promise<number> {
    const now = this.clock.now();
    const purged = await this.clocks.purgeClosed(manager, purgeCutoff(now, this.retention), this.retention.batchSize);
    await this.timers.set(manager, { ...CLOCK_RETENTION_TIMER, dueAt: nextPurgeAt(purged, now, this.retention) });
    // Counted before commit: a rolled-back run over-counts, which a rate of a purge counter tolerates.
    closedClocksPurged.inc(purged);
    return purged;
  }
}
