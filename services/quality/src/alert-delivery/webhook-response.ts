import { z } from 'zod';
import type { DeliveryLogEntry } from './webhook-deliveries.repository';
import type { Webhook } from './webhooks.repository';

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()).nullable().describe('The alert event types it takes; null for all'),
  description: z.string(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type WebhookResponse = z.infer<typeof webhookSchema>;

export const registeredWebhookSchema = webhookSchema.extend({
  secret: z.string().describe('The signing secret, `whsec_` and Base64: shown this once, keep it to verify `webhook-signature`'),
});
export type RegisteredWebhookResponse = z.infer<typeof registeredWebhookSchema>;

export const deliverySchema = z.object({
  id: z.string().describe('The `webhook-id` header, the same on every attempt'),
  notificationId: z.string(),
  eventType: z.string(),
  alertId: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']).describe('failed: its attempts are spent (parked)'),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      attemptedAt: z.iso.datetime(),
      durationMs: z.number().int(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  settledAt: z.iso.datetime().nullable(),
});
export type DeliveryResponse = z.infer<typeof deliverySchema>;

export function toWebhookResponse(w: Webhook): WebhookResponse {
  return { id: w.id, url: w.url, events: w.events, description: w.description, createdBy: w.createdBy, createdAt: w.createdAt.toISOString() };
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export function toDeliveryResponse(d: DeliveryLogEntry): DeliveryResponse {
  return {
    ...d,
    attempts: d.attempts.map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
    nextAttemptAt: iso(d.nextAttemptAt),
    createdAt: new Date(d.createdAt).toISOString(),
    settledAt: iso(d.settledAt),
  };
}
