import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { type AuditActor, qualityAudit } from '../../audit-trail/quality-audit';
import { WebhooksRepository } from '../webhooks.repository';
import { auditedWebhook } from './register-webhook';

/** Removes a tenant's webhook with its delivery log, `audit.recorded` (`webhook.delete`) in the same transaction. Answers whether it existed. */
@Injectable()
export class RemoveWebhook {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksRepository,
    private readonly outbox: Outbox,
  ) {}

  execute(tenantId: string, actor: AuditActor, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const removed = await this.webhooks.delete(manager, tenantId, id);
      if (!removed) return false;
      const audit = qualityAudit({ tenantId, actor, action: 'webhook.delete', subject: { type: 'webhook', id }, before: auditedWebhook(removed), summary: `webhook to ${auditedWebhook(removed).origin} removed` });
      await this.outbox.add(manager, [audit]);
      return true;
    });
  }
}
