import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { AnswerWarnPoints } from './answer-warn-points';
import { CalendarsController } from './calendars.controller';
import { CalendarsRepository } from './calendars.repository';
import { CALENDARS_CLOCK } from './calendars-clock';
import { ClockTailorings } from './clock-tailorings';
import { PolicySettingsController } from './policy-settings.controller';
import { AdministerCalendars } from './use-cases/administer-calendars';
import { AdministerPolicySettings } from './use-cases/administer-policy-settings';

/**
 * A tenant's business calendars and which case SLA policies count on them, with budgets by
 * priority, and where each policy warns: an admin API and the reads clocks make when they are
 * created (CaseClocksModule imports it for ClockTailorings, ContactsModule for AnswerWarnPoints). Needs the business calendars migration, the outbox and tenant standards.
 */
@Module({
  controllers: [CalendarsController, PolicySettingsController],
  providers: [{ provide: CALENDARS_CLOCK, useValue: systemClock }, CalendarsRepository, ClockTailorings, AnswerWarnPoints, AdministerCalendars, AdministerPolicySettings],
  exports: [ClockTailorings, AnswerWarnPoints],
})
export class CalendarsModule {}
