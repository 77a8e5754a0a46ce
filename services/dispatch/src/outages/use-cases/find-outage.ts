import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeCursor } from '../../cases/page-cursor';
import type { OutageState } from '../domain/outage';
import { type OutageListKey, OutageRepository } from '../outage.repository';
import { type OutageResponse, type OutageSummary, toOutageResponse, toOutageSummary } from '../outage-response';

/** Outages as the API answers them: one with its children, or a page latest declared first. */
@Injectable()
export class FindOutages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outages: OutageRepository,
  ) {}

  async one(tenantId: string, outageId: string): Promise<OutageResponse | undefined> {
    const manager = this.dataSource.manager;
    const outage = await this.outages.find(manager, tenantId, outageId);
    return outage && toOutageResponse(outage, await this.outages.children(manager, tenantId, outageId));
  }

  async page(tenantId: string, state: OutageState | undefined, limit: number, after?: OutageListKey): Promise<{ items: OutageSummary[]; nextCursor: string | null }> {
    const found = await this.outages.list(this.dataSource.manager, tenantId, state, limit, after);
    const last = found.at(-1);
    return { items: found.map(toOutageSummary), nextCursor: found.length === limit && last ? encodeCursor([last.declaredAt.toISOString(), last.outageId]) : null };
  }
}
