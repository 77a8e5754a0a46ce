import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseLifecycle } from '../case-lifecycle';
import { CaseSignals, signalsOfOpening } from '../case-signals';
import { caseOpeningOf, type OpeningEvent } from '../domain/case-opening';
import { ServiceCase } from '../domain/service-case';
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
    private readonly signals: CaseSignals,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  async execute(manager: EntityManager, event: OpeningEvent): Promise<void> {
    const kase = ServiceCase.open(caseOpeningOf(event));
    if (await this.cases.insertIfAbsent(manager, kase)) {
      // Starts the case's clocks and tells routing and outages; a re-sent opening (the case as first opened stays) does neither again.
      await this.signals.record(manager, signalsOfOpening(kase));
      await this.lifecycle.opened(manager, event, kase);
    }
    await this.cases.recordEvent(manager, { tenantId: event.tenantid, caseId: kase.caseId, eventId: event.id, eventType: event.type, at: new Date(event.time) });
  }
}
