import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { Clock } from '@hotline/timers';
import { type CustodyAction, integrityOf } from '../domain/evidence';
import type { IncidentActor } from '../domain/incident';
import { auditEvent } from '../domain/incident-events';
import { type CustodyEntry, EvidenceRepository, type StoredEvidence } from '../evidence.repository';
import { type EvidenceResponse, toEvidenceResponse } from '../evidence-response';
import { INCIDENTS_NOW } from '../incidents-now';

export interface EvidenceAccess {
  tenantId: string;
  incidentId: string;
  evidenceId: string;
  actor: IncidentActor;
  action: CustodyAction;
  to?: string;
  note?: string;
}

/**
 * Appends to a piece of evidence's chain of custody, with its hash re-verified at that moment, and
 * publishes `audit.recorded`: for each download (`accessed`, answered with the content) and for
 * what a custodian records (transferred, sealed, …). Undefined for evidence the incident does not hold.
 */
@Injectable()
export class AccessEvidence {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly outbox: Outbox,
    @Inject(INCIDENTS_NOW) private readonly clock: Clock,
  ) {}

  /** `accessed`: the evidence with its content, and the access on its custody. */
  download(access: Omit<EvidenceAccess, 'action'>): Promise<(EvidenceResponse & { content: string }) | undefined> {
    return this.append({ ...access, action: 'accessed' }, true) as Promise<(EvidenceResponse & { content: string }) | undefined>;
  }

  record(access: EvidenceAccess): Promise<EvidenceResponse | undefined> {
    return this.append(access, false);
  }

  private append({ tenantId, incidentId, evidenceId, actor, action, to, note }: EvidenceAccess, withContent: boolean): Promise<EvidenceResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const found: StoredEvidence | undefined = await this.evidence.find(manager, tenantId, incidentId, evidenceId);
      if (!found) return undefined;
      const at = this.clock.now();
      const audited = (await this.evidence.auditedSha256s(manager, tenantId, [evidenceId])).get(evidenceId);
      const intact = integrityOf({ recorded: found.sha256, actual: found.actualSha256, audited }).integrity === 'intact';
      const entry: CustodyEntry = { at, actor, action, to: to ?? null, note: note ?? null, sha256Observed: found.actualSha256, intact };
      await this.evidence.appendCustody(manager, tenantId, evidenceId, entry);
      const audit = {
        actor,
        action: `evidence.${action}`,
        incidentId,
        subject: { type: 'evidence', id: evidenceId },
        after: { custody: action, intact: entry.intact, ...(to ? { to } : {}) },
        summary: `evidence ${evidenceId} ${action}${entry.intact ? '' : ' (tampered)'}`,
        at,
      };
      await this.outbox.add(manager, [auditEvent(tenantId, audit, CorrelationContext.current()?.correlationId)]);
      const custody = (await this.evidence.custody(manager, tenantId, [evidenceId])).get(evidenceId) ?? [];
      const response = toEvidenceResponse(found, custody, audited);
      return withContent ? { ...response, content: (await this.evidence.content(manager, tenantId, evidenceId)).toString('base64') } : response;
    });
  }
}
