import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeIncidentCursor } from '../incident-requests';
import { type IncidentResponse, toIncidentResponse } from '../incident-response';
import { type IncidentFilters, type IncidentListKey, IncidentsRepository } from '../incidents.repository';

/** A page of a tenant's incidents, newest opened first. */
@Injectable()
export class ListIncidents {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
  ) {}

  async execute(tenantId: string, filters: IncidentFilters, page: { limit: number; after?: IncidentListKey }): Promise<{ items: IncidentResponse[]; nextCursor: string | null }> {
    const found = await this.incidents.list(this.dataSource.manager, tenantId, filters, page);
    const items = found.map(toIncidentResponse);
    const last = found.at(-1)?.snapshot;
    return { items, nextCursor: last && found.length === page.limit ? encodeIncidentCursor([last.openedAt.toISOString(), last.id]) : null };
  }
}
