import { Controller, Logger } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent, PermanentFailure } from '@hotline/messaging';
import type { StandardOverrides } from '@hotline/standards';
import { catalogOf } from './held-standards';
import { TenantStandardVersionsRepository } from './tenant-standard-versions.repository';

/**
 * Consumes `<service>.standards`: keeps every tenant standards version received, in the delivery's
 * transaction (so with its inbox row: a redelivery is skipped before it gets here).
 */
@Controller()
export class StandardsPublishedHandler {
  private readonly logger = new Logger(StandardsPublishedHandler.name);

  constructor(private readonly versions: TenantStandardVersionsRepository) {}

  @OnEvent('standards.published', { queue: 'standards' })
  async onPublished(event: KnownCloudEvent<'standards.published'>, tx: EventTransaction): Promise<void> {
    const { version, effectiveFrom, standards } = event.data;
    const received = {
      tenantId: event.tenantid,
      version,
      effectiveFrom: new Date(effectiveFrom).toISOString(),
      standards: standards as StandardOverrides['standards'], // checked by the catalog below
    };
    const kept = await this.versions.list(tx.manager, received.tenantId);
    if (kept.some((other) => other.version === version)) {
      // Versions are immutable at intake: this is the same version published again under another id.
      this.logger.warn(`standards.published ${event.id}: tenant ${received.tenantId} version ${version} is kept already`);
      return;
    }
    try {
      // The same checks as when resolving, so a version this release cannot apply never enters the table.
      catalogOf([...kept, received]);
    } catch (error) {
      // Dead-lettered, to be replayed once a release that understands it runs (or intake is fixed).
      throw new PermanentFailure(`standards version ${version} of tenant ${received.tenantId} cannot be applied: ${(error as Error).message}`);
    }
    await this.versions.insert(tx.manager, received, event.id);
  }
}
