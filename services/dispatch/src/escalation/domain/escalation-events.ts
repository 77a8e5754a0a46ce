import { auditRecordedEvent, type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { CaseActor } from '../../cases/domain/service-case';
import { DISPATCH_SOURCE } from '../../cases/domain/transition-events';
import type { EscalationOutcome, EscalationStandard } from './escalation';

export interface EscalationContext {
  tenantId: string;
  caseId: string;
  at: Date;
  /** The person who asked (on demand, acknowledgement): their action is audited (DESIGN decision 13). */
  actor?: CaseActor;
  correlationId?: string;
  causationId?: string;
}

/** `case.escalated` for a raised level, with `audit.recorded` naming the actor when a person raised it. */
export function escalatedEvents(context: EscalationContext, raisedTo: NonNullable<EscalationOutcome['raisedTo']>, standard: EscalationStandard, from: number): CloudEvent[] {
  const { tenantId, caseId, at, actor, correlationId, causationId } = context;
  const common = { source: DISPATCH_SOURCE, tenantId, correlationId, causationId, subject: caseId, time: at };
  const { level, reason, late } = raisedTo;
  const events: CloudEvent[] = [newCloudEvent({ ...common, type: 'case.escalated', data: { caseId, level, reason, ...standard, ...(late && { late }) } })];
  if (actor) events.push(audit(context, actor, 'case.escalate', { level: from }, { level }, `case escalated ${from} → ${level}`));
  return events;
}

/** `audit.recorded` for an acknowledgement: who took the escalation on, at which level. */
export function acknowledgedEvents(context: EscalationContext & { actor: CaseActor }, level: number): CloudEvent[] {
  return [audit(context, context.actor, 'case.escalation_acknowledge', { escalation: 'paging' }, { escalation: 'acknowledged' }, `escalation at level ${level} acknowledged`)];
}

function audit(context: EscalationContext, actor: CaseActor, action: string, before: Record<string, unknown>, after: Record<string, unknown>, summary: string): CloudEvent {
  const { tenantId, caseId, at, correlationId, causationId } = context;
  return auditRecordedEvent({ service: 'dispatch', tenantId, correlationId, causationId, time: at, actor, action, subject: { type: 'case', id: caseId }, before, after, summary });
}
