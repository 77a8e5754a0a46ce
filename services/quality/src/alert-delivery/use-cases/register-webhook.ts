import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { newWebhookSecret } from '../domain/webhook-signature';
import { type Webhook, WebhooksRepository } from '../webhooks.repository';
import { WebhookSecrets } from '../webhook-secrets';

export interface WebhookRegistration {
  url: string;
  events?: readonly string[];
  description: string;
}

/** Registers a tenant's webhook with a new signing secret, kept encrypted and answered this once. */
@Injectable()
export class RegisterWebhook {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
  ) {}

  async execute(tenantId: string, createdBy: string, registration: WebhookRegistration): Promise<{ webhook: Webhook; secret: string }> {
    const id = randomUUID();
    const secret = newWebhookSecret();
    const webhook = await this.webhooks.insert(
      { id, tenantId, url: registration.url, events: registration.events ? [...registration.events] : null, description: registration.description, createdBy },
      this.secrets.seal(tenantId, id, secret),
    );
    return { webhook, secret };
  }
}
