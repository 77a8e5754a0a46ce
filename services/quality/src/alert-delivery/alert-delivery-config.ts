import { z } from 'zod';
import type { DeliveryBackoff } from './domain/delivery-backoff';
import { type AllowedHosts, parseAllowedHosts } from './domain/webhook-destination';

const seconds = (fallback: number) => z.coerce.number().positive().default(fallback);

const alertDeliveryEnvSchema = z.object({
  /** A comment on every open alert stream this often, so proxies do not close an idle one. */
  QUALITY_ALERT_STREAM_HEARTBEAT_SECONDS: seconds(15),
  /** An alert stream is closed after this long; the client reconnects with Last-Event-ID and loses nothing. */
  QUALITY_ALERT_STREAM_MAX_SECONDS: seconds(3600),
  /** The live tail looks for new notifications this often when no NOTIFY woke it (NOTIFY is only a hint). */
  QUALITY_ALERT_STREAM_POLL_SECONDS: seconds(1),
  /** A webhook that has not answered within this long has failed this attempt. */
  QUALITY_WEBHOOK_TIMEOUT_SECONDS: seconds(10),
  /** Attempts of a delivery, the first included, before it is parked as failed. */
  QUALITY_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Wait after the first failed attempt, doubled after each further one… */
  QUALITY_WEBHOOK_RETRY_BASE_SECONDS: seconds(5),
  /** …up to this. */
  QUALITY_WEBHOOK_RETRY_MAX_SECONDS: seconds(3600),
  /** Webhook hosts allowed although they are or resolve to private, loopback or link-local addresses: names, addresses, CIDRs. */
  QUALITY_WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((list, ctx) => {
      try {
        return parseAllowedHosts(list);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

/** Alert delivery's settings, read from the environment; a bad value stops the service at start. */
export class AlertDeliveryConfig {
  readonly heartbeatMs: number;
  readonly streamMaxMs: number;
  readonly streamPollMs: number;
  readonly webhookTimeoutMs: number;
  readonly backoff: DeliveryBackoff;
  readonly allowedHosts: AllowedHosts;

  constructor(env: Record<string, string | undefined> = process.env) {
    const result = alertDeliveryEnvSchema.safeParse(env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const ms = (s: number) => Math.max(1, Math.round(s * 1000));
    const e = result.data;
    this.heartbeatMs = ms(e.QUALITY_ALERT_STREAM_HEARTBEAT_SECONDS);
    this.streamMaxMs = ms(e.QUALITY_ALERT_STREAM_MAX_SECONDS);
    this.streamPollMs = ms(e.QUALITY_ALERT_STREAM_POLL_SECONDS);
    this.webhookTimeoutMs = ms(e.QUALITY_WEBHOOK_TIMEOUT_SECONDS);
    this.backoff = {
      maxAttempts: e.QUALITY_WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: ms(e.QUALITY_WEBHOOK_RETRY_BASE_SECONDS),
      maxDelayMs: ms(e.QUALITY_WEBHOOK_RETRY_MAX_SECONDS),
    };
    this.allowedHosts = e.QUALITY_WEBHOOK_ALLOWED_HOSTS;
  }
}
