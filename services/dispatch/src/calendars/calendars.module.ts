import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { CalendarsController } from './calendars.controller';
import { CalendarsRepository } from './calendars.repository';
import { CALENDARS_CLOCK } from './calendars-clock';
import { ClockTailorings } from './clock-tailorings';
import { PolicySettingsController } from './policy-settings.controller';
import { AdministerCalendars } from './use-cases/administer-calendars';
import { AdministerPolicySettings } from './use-cases/administer-policy-settings';

/**
 * A tenant's business calendars and which case SLA policies count on them, with budgets by
 * priority: an admin API and the read case clocks make when they are created (CaseClocksModule
 * imports it for ClockTailorings). Needs the business calendars migration, the outbox and tenant standards.
 */
@Module({
  controllers: [CalendarsController, PolicySettingsController],
  providers: [{ provide: CALENDARS_CLOCK, useValue: systemClock }, CalendarsRepository, ClockTailorings, AdministerCalendars, AdministerPolicySettings],
  exports: [ClockTailorings],
})
export class CalendarsModule {}
