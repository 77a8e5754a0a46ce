import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DurableTimers, type FiredTimer } from '@hotline/timers';
import { AlertDeliveryConfig } from '../alert-delivery-config';
import { notificationPayload } from '../domain/alert-notification';
import { afterFailedAttempt, isDelivered } from '../domain/delivery-backoff';
import { webhookHeaders } from '../domain/webhook-signature';
import { type AttemptRecord, type DueDelivery, WebhookDeliveriesRepository } from '../webhook-deliveries.repository';
import { WebhookSecrets } from '../webhook-secrets';
import { type SendOutcome, WebhookSender } from '../webhook-sender';
import { WEBHOOK_DELIVERY_TIMER } from './log-alert-events';

/**
 * Sends due webhook deliveries when their timers fire: each attempt signed afresh (same
 * `webhook-id`, new timestamp), logged, and on failure set again after the backoff, until the
 * attempts are spent and the delivery is parked as failed. A failed attempt is an outcome, not an
 * error: the handler records it and returns, so the timer's own retry is only for database trouble.
 * A delivery the destination policy refuses (SSRF; the address is checked as it connects) is
 * parked as failed at once, with the reason in its log.
 * The POSTs of a batch go out together, inside the timer transaction (bounded by the timeout).
 */
@Injectable()
export class DeliverWebhooks {
  private readonly logger = new Logger(DeliverWebhooks.name);

  constructor(
    private readonly timers: DurableTimers,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
    private readonly config: AlertDeliveryConfig,
  ) {}

  async execute(manager: EntityManager, timers: readonly FiredTimer[]): Promise<void> {
    const due = await this.deliveries.lockPending(
      manager,
      timers.map((t) => t.key),
    );
    const attempted = await Promise.all(due.map(async (delivery) => ({ delivery, record: await this.attempt(delivery) })));
    await this.deliveries.record(
      manager,
      attempted.map((a) => a.record),
    );
    await this.timers.setMany(
      manager,
      attempted.flatMap(({ delivery, record }) =>
        record.nextAttemptAt ? [{ tenantId: delivery.tenantId, kind: WEBHOOK_DELIVERY_TIMER, key: delivery.id, dueAt: record.nextAttemptAt }] : [],
      ),
    );
  }

  private async attempt(delivery: DueDelivery): Promise<AttemptRecord> {
    const attempt = delivery.attempts + 1;
    const attemptedAt = new Date();
    const secret = this.secrets.open(delivery.tenantId, delivery.webhookId, delivery.secretCiphertext);
    const outcome: SendOutcome =
      secret === undefined
        ? { error: 'the signing secret cannot be decrypted (was HOTLINE_CREDENTIALS_KEY changed?)', durationMs: 0 }
        : await this.send(delivery, secret, attemptedAt);
    const base = { deliveryId: delivery.id, attempt, attemptedAt, durationMs: outcome.durationMs, statusCode: outcome.statusCode, error: outcome.error };
    if (isDelivered(outcome.statusCode)) return { ...base, status: 'succeeded' };
    // A destination the policy refuses stays refused until the allow-list changes: no retries.
    if (outcome.refused) {
      this.logger.warn(`webhook delivery ${delivery.id} of tenant ${delivery.tenantId} not sent: ${describe(base)}`);
      return { ...base, status: 'failed' };
    }
    const next = afterFailedAttempt(attempt, this.config.backoff);
    if ('giveUp' in next) {
      this.logger.warn(`webhook delivery ${delivery.id} of tenant ${delivery.tenantId} failed after ${attempt} attempts: ${describe(base)}`);
      return { ...base, status: 'failed' };
    }
    return { ...base, status: 'pending', nextAttemptAt: new Date(Date.now() + next.retryInMs) };
  }

  private async send(delivery: DueDelivery, secret: string, attemptedAt: Date): Promise<SendOutcome> {
    const body = JSON.stringify(notificationPayload(delivery.notification));
    const headers = webhookHeaders(secret, { id: delivery.id, timestamp: Math.floor(attemptedAt.getTime() / 1000), body });
    const outcome = await this.sender.post(delivery.url, headers, body, this.config.webhookTimeoutMs);
    if (outcome.statusCode !== undefined && !isDelivered(outcome.statusCode)) return { ...outcome, error: `answered ${outcome.statusCode}` };
    return outcome;
  }
}

const describe = (r: { statusCode?: number; error?: string }) => r.error ?? `status ${r.statusCode}`;
