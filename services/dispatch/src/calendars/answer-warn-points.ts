import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarsRepository } from './calendars.repository';
import { CALENDARS_CLOCK, type CalendarsClock } from './calendars-clock';
import { ANSWER_POLICY_ID } from './domain/policy-setting';

/** How long a tenant's answer warn points are kept: another replica's change applies within it. */
export const ANSWER_WARN_POINTS_TTL_MS = 5_000;

/**
 * What contacts' answer clocks ask when they start: where the tenant has them warn (none unless it
 * opted in, ADR 7). Kept per tenant for a few seconds, so the 2,000 contacts a second a tenant may
 * queue cost no statement of their own; a change here forgets the tenant at once.
 */
@Injectable()
export class AnswerWarnPoints {
  private readonly cached = new Map<string, { points: Promise<readonly number[]>; expiresAt: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarsRepository,
    @Inject(CALENDARS_CLOCK) private readonly clock: CalendarsClock,
  ) {}

  of(tenantId: string): Promise<readonly number[]> {
    const now = this.clock.now().getTime();
    const entry = this.cached.get(tenantId);
    if (entry && entry.expiresAt > now) return entry.points;
    const points = this.calendars.findSetting(this.dataSource.manager, tenantId, ANSWER_POLICY_ID).then((setting) => setting?.warnPoints ?? []);
    const fresh = { points, expiresAt: now + ANSWER_WARN_POINTS_TTL_MS };
    this.cached.set(tenantId, fresh);
    // A failed read is not kept: the next clock reads again.
    points.catch(() => this.cached.get(tenantId) === fresh && this.cached.delete(tenantId));
    return points;
  }

  /** After a change to the tenant's answer setting has committed. */
  forget(tenantId: string): void {
    this.cached.delete(tenantId);
  }
}
