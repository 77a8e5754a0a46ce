import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';

/** Who acted, as audited (and as alerts name who acknowledged or resolved them); a request's is `actorOf` its principal (`@hotline/platform`). */
export type AuditActor = { id: string; kind: 'user' | 'api_key' | 'service'; roles?: string[] };

export interface QualityChange {
  tenantId: string;
  actor: AuditActor;
  /** `<area>.<verb>`, e.g. `dispute.rule`. */
  action: string;
  subject: { type: string; id: string };
  /** Short summaries, never free text from the request (a note may hold personal data) nor secrets. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  summary: string;
  /** When the change was made; now when absent. */
  at?: Date;
}

/**
 * `audit.recorded` for a change made through quality's API (DESIGN decision 13), for the outbox in
 * the change's transaction. Quality's one audit helper: every capability's routes use it.
 */
export function qualityAudit({ at, ...change }: QualityChange): CloudEvent {
  return auditRecordedEvent({ ...change, service: 'quality', time: at, correlationId: CorrelationContext.current()?.correlationId });
}
