import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { ComplianceFactsRepository, deadlineKey } from '../compliance-facts.repository';
import { type ComplianceFact, isComplianceVerdict, mergeVerdict, type VerdictEvent } from '../domain/compliance-fact';

export type ComplianceEvent = KnownCloudEvent<'sla.stopped' | 'sla.breached' | 'sla.withdrawn'>;

function verdictOf(event: ComplianceEvent): VerdictEvent {
  const data = event.data;
  return {
    eventId: event.id,
    type: event.type,
    subjectType: data.subjectType,
    subjectId: data.subjectId,
    slaKind: data.slaKind,
    startedAt: Date.parse(data.startedAt),
    standardId: data.standardId,
    standardVersion: data.standardVersion,
    clause: data.clause,
    region: data.region,
    causedByOutage: data.causedByOutage,
    ...(event.type === 'sla.stopped' && { outcome: event.data.outcome }),
    ...(event.type === 'sla.withdrawn' && { withdraws: event.data.withdraws }),
  };
}

/**
 * Merges a batch of case deadline verdicts into their compliance facts, in the batch's transaction:
 * one statement locking (or creating) the facts, one saving those that changed. The merge is order-free and
 * idempotent, so a redelivered or reordered verdict changes nothing twice.
 */
@Injectable()
export class RecordComplianceVerdicts {
  constructor(private readonly facts: ComplianceFactsRepository) {}

  async execute(manager: EntityManager, events: readonly ComplianceEvent[]): Promise<void> {
    const verdicts = events.map((event) => ({ tenantId: event.tenantid, verdict: verdictOf(event) })).filter(({ verdict }) => isComplianceVerdict(verdict));
    if (verdicts.length === 0) return;
    const held = await this.facts.lockOrCreateMany(manager, verdicts.map(({ tenantId, verdict }) => ({ tenantId, ...verdict })));
    const changed = new Map<string, { tenantId: string; fact: ComplianceFact }>();
    for (const { tenantId, verdict } of verdicts) {
      const key = deadlineKey({ tenantId, ...verdict });
      const before = held.get(key) ?? null;
      const after = mergeVerdict(before, verdict);
      if (isDeepStrictEqual(before, after)) continue;
      held.set(key, after);
      changed.set(key, { tenantId, fact: after });
    }
    await this.facts.saveMany(manager, [...changed.values()]);
  }
}
