import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LedgerRepository } from './ledger.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What other capabilities of quality may ask of the points ledger (improvement actions): read only; the tables stay this module's. */
@Injectable()
export class LedgerPort {
  constructor(private readonly ledger: LedgerRepository) {}

  /** Whether the tenant's ledger holds the entry (ids are UUIDs: anything else is no entry). */
  async entryExists(manager: EntityManager, tenantId: string, entryId: string): Promise<boolean> {
    return UUID.test(entryId) && (await this.ledger.find(manager, tenantId, entryId)) !== undefined;
  }
}
