import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditRecordedEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CaseSignals, signalsOfOpening } from '../../cases/case-signals';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import type { CaseActor } from '../../cases/domain/service-case';
import { ServiceCase } from '../../cases/domain/service-case';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { type Outage, type OutageKind, type OutageSeverity, parentCaseOf } from '../domain/outage';
import { OutageRepository } from '../outage.repository';
import { type OutageResponse, toOutageResponse } from '../outage-response';

export interface DeclareOutageCommand {
  tenantId: string;
  region: string;
  severity: OutageSeverity;
  kind: OutageKind;
  description: string;
  actor: CaseActor;
}

/**
 * A person declares a major outage: its parent case (a fault case in the region, its timeline
 * opening with the declaration), the outage, the region's open cases attached as children, and
 * `audit.recorded`, in one transaction.
 */
@Injectable()
export class DeclareOutage {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outages: OutageRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly outbox: Outbox,
    private readonly signals: CaseSignals,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  execute({ tenantId, region, severity, kind, description, actor }: DeclareOutageCommand): Promise<OutageResponse> {
    return this.dataSource.transaction(async (manager) => {
      const at = this.clock.now();
      const outage: Outage = { tenantId, outageId: `outage:${randomUUID()}`, region, severity, kind, description, state: 'open', declaredAt: at, declaredBy: actor.id, endedAt: null };
      const parent = ServiceCase.open(parentCaseOf(outage));
      await this.cases.insertIfAbsent(manager, parent);
      // The parent is a fault case like any other: its clocks (response, repair, …) start with the declaration.
      await this.signals.record(manager, signalsOfOpening(parent));
      await this.cases.recordEvent(manager, { tenantId, caseId: outage.outageId, eventId: outage.outageId, eventType: 'outage.declared', at });
      await this.outages.insertIfAbsent(manager, outage);
      await this.outages.attachOpenCases(manager, tenantId, outage.outageId, region, at);
      const audit = auditRecordedEvent({
        service: 'dispatch',
        tenantId,
        correlationId: CorrelationContext.current()?.correlationId,
        time: at,
        actor,
        action: 'outage.declare',
        subject: { type: 'outage', id: outage.outageId },
        after: { state: 'open', region, severity },
        summary: `${severity} outage declared in ${region}`,
      });
      await this.outbox.add(manager, [audit]);
      return toOutageResponse(outage, await this.outages.children(manager, tenantId, outage.outageId));
    });
  }
}
