import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { CaseActor } from '../../cases/domain/service-case';
import { CalendarsRepository } from '../calendars.repository';
import { CALENDARS_CLOCK, type CalendarsClock } from '../calendars-clock';
import { InvalidSetting } from '../domain/invalid-setting';
import { sameJson } from '../domain/same-json';
import { calendarAudit, calendarIssues, type CalendarDefinition, type TenantCalendar } from '../domain/tenant-calendar';

/**
 * A tenant's business calendars. `put` validates the whole calendar (InvalidSetting naming each
 * bad field, nothing written) and stores it with `audit.recorded` in one transaction. Clocks keep
 * the calendar they were created with: a change times the clocks created from then on. Putting
 * what is already there changes and publishes nothing.
 */
@Injectable()
export class AdministerCalendars {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarsRepository,
    private readonly outbox: Outbox,
    @Inject(CALENDARS_CLOCK) private readonly clock: CalendarsClock,
  ) {}

  put(tenantId: string, calendarId: string, definition: CalendarDefinition, actor: CaseActor): Promise<TenantCalendar> {
    const issues = calendarIssues(definition);
    if (issues.length > 0) return Promise.reject(new InvalidSetting('The calendar cannot be used', issues));
    return this.dataSource.transaction(async (manager) => {
      const before = await this.calendars.findCalendar(manager, tenantId, calendarId, true);
      if (before && sameJson(before.definition, definition)) return before;
      const calendar: TenantCalendar = { tenantId, calendarId, definition, updatedAt: this.clock.now() };
      await this.calendars.saveCalendar(manager, calendar);
      await this.outbox.add(manager, [calendarAudit(calendar, before, actor, CorrelationContext.current()?.correlationId)]);
      return calendar;
    });
  }

  find(tenantId: string, calendarId: string): Promise<TenantCalendar | undefined> {
    return this.calendars.findCalendar(this.dataSource.manager, tenantId, calendarId);
  }

  list(tenantId: string, limit: number, afterId?: string): Promise<TenantCalendar[]> {
    return this.calendars.calendars(this.dataSource.manager, tenantId, limit, afterId);
  }
}
