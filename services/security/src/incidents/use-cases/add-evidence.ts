import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { Clock } from '@hotline/timers';
import { checkEvidence } from '../domain/evidence';
import { evidenceAddEventId } from '../domain/evidence-audit-id';
import type { IncidentActor } from '../domain/incident';
import { auditEvent } from '../domain/incident-events';
import { EvidenceRepository } from '../evidence.repository';
import { EVIDENCE_MAX_BYTES } from '../evidence-max-bytes';
import { type EvidenceResponse, toEvidenceResponse } from '../evidence-response';
import { IncidentsRepository } from '../incidents.repository';
import { INCIDENTS_NOW } from '../incidents-now';

export interface AddEvidenceCommand {
  tenantId: string;
  incidentId: string;
  name: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
  actor: IncidentActor;
}

/**
 * Keeps a piece of evidence with its SHA-256, once checked against its content and the size limit,
 * and opens its chain of custody (`collected`), records it on the timeline and publishes
 * `audit.recorded`, in one transaction. Undefined for an unknown incident; throws EvidenceTooLarge
 * or EvidenceHashMismatch before anything is written.
 */
@Injectable()
export class AddEvidence {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly outbox: Outbox,
    @Inject(EVIDENCE_MAX_BYTES) private readonly maxBytes: number,
    @Inject(INCIDENTS_NOW) private readonly clock: Clock,
  ) {}

  async execute({ tenantId, incidentId, name, mediaType, content, sha256, actor }: AddEvidenceCommand): Promise<EvidenceResponse | undefined> {
    const hash = checkEvidence(content, sha256, this.maxBytes);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.incidents.find(manager, tenantId, incidentId))) return undefined;
      const id = randomUUID();
      const at = this.clock.now();
      await this.evidence.insert(manager, tenantId, { id, incidentId, name, mediaType, sizeBytes: content.length, sha256: hash, content, addedAt: at, addedBy: actor });
      await this.evidence.appendCustody(manager, tenantId, id, { at, actor, action: 'collected', to: null, note: null, sha256Observed: hash, intact: true });
      await this.incidents.appendTimeline(manager, tenantId, incidentId, { at, kind: 'evidence_added', detail: { evidenceId: id, name, mediaType, sizeBytes: content.length, sha256: hash, actor } });
      const audit = { actor, action: 'evidence.add', incidentId, subject: { type: 'evidence', id }, after: { incidentId, sha256: hash, sizeBytes: content.length }, summary: `evidence ${id} added to incident ${incidentId}`, at, eventId: evidenceAddEventId(id, hash) };
      await this.outbox.add(manager, [auditEvent(tenantId, audit, CorrelationContext.current()?.correlationId)]);
      const custody = (await this.evidence.custody(manager, tenantId, [id])).get(id) ?? [];
      return toEvidenceResponse({ id, incidentId, name, mediaType, sizeBytes: content.length, sha256: hash, actualSha256: hash, addedAt: at, addedBy: actor }, custody);
    });
  }
}
