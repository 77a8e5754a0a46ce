import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { caseOpeningOf, type OpeningEvent } from '../domain/case-opening';
import { ServiceCase } from '../domain/service-case';
import { CaseLifecycle } from '../case-lifecycle';
import { ServiceCaseRepository } from '../service-case.repository';

/**
 * Opens the case an opening event names, in the handler's transaction. The same case opened again
 * (the platform re-sent it under another event id) stays one case, as first opened; each such event
 * still leaves its line in the case's timeline. A redelivery of one event is the inbox's: never seen here.
 */
@Injectable()
export class OpenCase {
  constructor(
    private readonly cases: ServiceCaseRepository,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  async execute(manager: EntityManager, event: OpeningEvent): Promise<void> {
    const kase = ServiceCase.open(caseOpeningOf(event));
    await this.cases.insertIfAbsent(manager, kase);
    // e.g. a major fault declares an outage; a case in an outage's region joins it (outages/).
    await this.lifecycle.opened(manager, event, kase);
    // The record-completion deadline (kase.recordClockStartsAt()) is set here once the SLA engine lands.
    await this.cases.recordEvent(manager, { tenantId: event.tenantid, caseId: kase.caseId, eventId: event.id, eventType: event.type, at: new Date(event.time) });
  }
}
