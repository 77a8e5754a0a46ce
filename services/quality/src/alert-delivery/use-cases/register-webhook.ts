import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { type AuditActor, qualityAudit } from '../../audit-trail/quality-audit';
import { newWebhookSecret } from '../domain/webhook-signature';
import { type Webhook, WebhooksRepository } from '../webhooks.repository';
import { WebhookSecrets } from '../webhook-secrets';

export interface WebhookRegistration {
  url: string;
  events?: readonly string[];
  description: string;
}

/** What the audit records of a webhook: never its secret, nor the URL's query (it may carry a token). */
export const auditedWebhook = (webhook: Webhook) => ({ origin: new URL(webhook.url).origin, events: webhook.events });

/**
 * Registers a tenant's webhook with a new signing secret, kept encrypted and answered this once;
 * `audit.recorded` (`webhook.create`) in the same transaction.
 */
@Injectable()
export class RegisterWebhook {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly outbox: Outbox,
  ) {}

  execute(tenantId: string, actor: AuditActor, registration: WebhookRegistration): Promise<{ webhook: Webhook; secret: string }> {
    const id = randomUUID();
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.webhooks.insert(
        manager,
        { id, tenantId, url: registration.url, events: registration.events ? [...registration.events] : null, description: registration.description, createdBy: actor.id },
        this.secrets.seal(tenantId, id, secret),
      );
      const audit = qualityAudit({ tenantId, actor, action: 'webhook.create', subject: { type: 'webhook', id }, after: auditedWebhook(webhook), summary: `webhook to ${auditedWebhook(webhook).origin} registered` });
      await this.outbox.add(manager, [audit]);
      return { webhook, secret };
    });
  }
}
