import { z } from 'zod';
import { ALERT_EVENT_TYPES } from './domain/alert-notification';

/** `POST /v1/webhooks`: where to send, which alert events (all when absent), and what it is for. */
export const registerWebhookBody = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  events: z
    .array(z.enum(ALERT_EVENT_TYPES))
    .min(1)
    .refine((events) => new Set(events).size === events.length, 'Each event type once')
    .optional(),
  description: z.string().trim().min(1).max(500),
});

export const webhookParams = z.object({ id: z.uuid() });

export const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
