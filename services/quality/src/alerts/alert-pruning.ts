import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AlertMinutesRepository } from './alert-minutes.repository';
import { MAX_WINDOW_SECONDS } from './domain/alert-rule';
import { QueueOutcomesRepository } from './queue-outcomes.repository';

/** Past three of the longest windows no rule looks at a minute or a contact again: forget them every few minutes. */
const KEEP_MS = 3 * MAX_WINDOW_SECONDS * 1000;
const EVERY_MS = 5 * 60_000;

@Injectable()
export class AlertPruning implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly minutes: AlertMinutesRepository,
    private readonly outcomes: QueueOutcomesRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer ??= setInterval(() => void this.prune().catch(() => undefined), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async prune(): Promise<void> {
    await this.minutes.prune(this.dataSource.manager, KEEP_MS);
    await this.outcomes.prune(this.dataSource.manager, KEEP_MS);
  }
}
