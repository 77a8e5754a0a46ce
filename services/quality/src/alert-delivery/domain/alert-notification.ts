/** The alert event types delivered; `alert.updated` is the engine's, added beside the other two. */
export const ALERT_EVENT_TYPES = ['alert.raised', 'alert.updated', 'alert.resolved'] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/** One alert event as logged for a tenant: `id` orders the log and is the SSE event id. */
export interface AlertNotification {
  id: number;
  tenantId: string;
  type: string;
  alertId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * What both channels carry, in the Standard Webhooks payload shape: `{type, timestamp, data}`,
 * `data` being the event's own, with the log id beside it so a webhook receiver can order and
 * de-duplicate too.
 */
export function notificationPayload(n: AlertNotification): { type: string; timestamp: string; data: Record<string, unknown> } {
  return { type: n.type, timestamp: n.occurredAt.toISOString(), data: { ...n.data, notificationId: String(n.id) } };
}
