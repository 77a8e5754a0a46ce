import { Module } from '@nestjs/common';
import { systemClock } from '@hotline/timers';
import { CalendarsModule } from '../calendars/calendars.module';
import { AnswerDeadlineTimer } from './answer-deadline.timer';
import { AnswerWarningTimer } from './answer-warning.timer';
import { ClockEffects } from './clock-effects';
import { FiredClocks } from './fired-clocks';
import { clockRetentionProvider } from './clock-retention-settings';
import { ClockRetentionTimer } from './clock-retention.timer';
import { ContactClocksRepository } from './contact-clocks.repository';
import { ContactEventsHandler } from './contact-events.handler';
import { ContactsController } from './contacts.controller';
import { ClockContactEvents } from './use-cases/clock-contact-events';
import { FireAnswerDeadline } from './use-cases/fire-answer-deadline';
import { FireAnswerWarning } from './use-cases/fire-answer-warning';
import { GetContactSla } from './use-cases/get-contact-sla';
import { PurgeClosedClocks } from './use-cases/purge-closed-clocks';
import { WALL_CLOCK } from './wall-clock';

/**
 * Every contact's answer clock (issue 10 part 1), laid out as every capability is: `domain/`
 * (the clock's rules), a repository, use cases, and the HTTP, message and timer adapters.
 * Closed clocks are deleted after their retention time by a self-arming durable timer (ClockRetentionTimer).
 * Warn points a tenant opted in to come from CalendarsModule (`PUT /v1/sla-policies/answer`).
 * Needs `TimersModule` (global) and the contact clocks and durable timers migrations.
 */
@Module({
  imports: [CalendarsModule],
  controllers: [ContactsController, ContactEventsHandler],
  providers: [
    { provide: WALL_CLOCK, useValue: systemClock },
    ContactClocksRepository,
    ClockEffects,
    FiredClocks,
    ClockContactEvents,
    FireAnswerDeadline,
    GetContactSla,
    AnswerDeadlineTimer,
    FireAnswerWarning,
    AnswerWarningTimer,
    clockRetentionProvider,
    PurgeClosedClocks,
    ClockRetentionTimer,
  ],
})
export class ContactsModule {}
