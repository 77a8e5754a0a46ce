import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { CaseActor } from './domain/service-case';

/** A request that returned customer records: who, `<area>.read` or `<area>.export`, on what, how many. */
export interface CustomerRecordsRead {
  tenantId: string;
  actor: CaseActor;
  action: `${string}.read` | `${string}.export`;
  subject: { type: string; id: string };
  records: number;
}

/** `audit.recorded` for a read or export of customer records: security sums them per user to catch bulk reads (issue 12). */
export function readAuditEvent({ tenantId, actor, action, subject, records }: CustomerRecordsRead): CloudEvent {
  const summary = `${action}: ${records} record${records === 1 ? '' : 's'}`;
  return auditRecordedEvent({ service: 'dispatch', tenantId, actor, action, subject, records, summary, correlationId: CorrelationContext.current()?.correlationId });
}

/** One audit event per request that returned records, through the outbox (in the read's transaction when it has one). */
@Injectable()
export class ReadAudit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async record(read: CustomerRecordsRead, manager?: EntityManager): Promise<void> {
    if (read.records === 0) return;
    const event = readAuditEvent(read);
    if (manager) await this.outbox.add(manager, [event]);
    else await this.dataSource.transaction((tx) => this.outbox.add(tx, [event]));
  }
}
