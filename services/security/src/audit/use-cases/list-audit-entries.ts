import { Injectable } from '@nestjs/common';
import { AuditEntriesRepository } from '../audit-entries.repository';
import type { AuditEntriesQuery } from '../audit-entries-query';
import type { AuditEntryPage } from '../audit-entry-response';

/** A page of a tenant's entries matching a search, newest first, as the API answers it. */
@Injectable()
export class ListAuditEntries {
  constructor(private readonly entries: AuditEntriesRepository) {}

  async execute(tenantId: string, { actor, subject, type, from, to, cursor, limit }: AuditEntriesQuery): Promise<AuditEntryPage> {
    const found = await this.entries.search({ tenantId, actor, subject, type, from, to, before: cursor, limit });
    const items = found.map((entry) => ({ ...entry, recordedAt: entry.recordedAt.toISOString() }));
    return { items, nextCursor: items.length === limit ? items[items.length - 1].seq : null };
  }
}
