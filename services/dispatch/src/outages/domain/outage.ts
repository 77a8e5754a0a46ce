import type { CaseStage } from '../../cases/domain/case-stage';
import type { CaseActor, CaseOpening } from '../../cases/domain/service-case';

/** What declares an outage: only a major or critical fault takes a region's network down for many customers. */
export const OUTAGE_SEVERITIES = ['major', 'critical'] as const;
export type OutageSeverity = (typeof OUTAGE_SEVERITIES)[number];
export type OutageKind = 'network' | 'equipment';
export type OutageState = 'open' | 'resolved' | 'cancelled';

export function isOutageSeverity(severity: string): severity is OutageSeverity {
  return (OUTAGE_SEVERITIES as readonly string[]).includes(severity);
}

/** A declared major outage; its id is its parent case's id (`fault:<faultId>`, or `outage:<uuid>` when declared by a person). */
export interface Outage {
  tenantId: string;
  outageId: string;
  region: string;
  severity: OutageSeverity;
  kind: OutageKind;
  description: string;
  state: OutageState;
  declaredAt: Date;
  declaredBy: string;
  endedAt: Date | null;
}

/** Who resolves the children: dispatch itself, on the outage's account (each move records it). */
export const OUTAGE_ACTOR: CaseActor = { id: 'dispatch', kind: 'service', roles: [] };

export const outageReason = (outageId: string): string => `resolved with outage ${outageId}`;

/** The parent case of an outage a person declares: a fault case in the outage's region, graded by its severity. */
export function parentCaseOf(outage: Pick<Outage, 'tenantId' | 'outageId' | 'region' | 'severity' | 'kind' | 'description' | 'declaredAt'>): CaseOpening {
  return {
    tenantId: outage.tenantId,
    caseId: outage.outageId,
    type: outage.kind === 'network' ? 'network_fault' : 'equipment_fault',
    priority: outage.severity === 'critical' ? 'P1' : 'P2',
    summary: outage.description,
    category: 'outage',
    region: outage.region,
    customerId: null,
    contactId: null,
    openedAt: outage.declaredAt,
  };
}

/**
 * The moves that resolve a case from where it is, through the stage table (a case moves one stage
 * at a time; the resolution is handling → follow_up). Empty for a case already resolved, closed or
 * cancelled: its outage leaves it as it is.
 */
export function movesToResolution(stage: CaseStage): CaseStage[] {
  switch (stage) {
    case 'consultation':
      return ['acceptance', 'handling', 'follow_up'];
    case 'acceptance':
    case 'reopened':
      return ['handling', 'follow_up'];
    case 'handling':
      return ['follow_up'];
    default:
      return [];
  }
}

/** Stages whose trouble is still open: such a case in the outage's region belongs to it. */
export const OPEN_STAGES: readonly CaseStage[] = ['consultation', 'acceptance', 'handling', 'reopened'];
