import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type InspectionResponse, toInspectionResponse } from '../inspection-response';
import { INSPECTIONS_CLOCK, type InspectionsClock } from '../inspections-clock';
import { InspectionsRepository } from '../inspections.repository';

/** A tenant's inspections, soonest due first, each with its latest result. */
@Injectable()
export class ListInspections {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsRepository,
    @Inject(INSPECTIONS_CLOCK) private readonly clock: InspectionsClock,
  ) {}

  async execute(tenantId: string): Promise<{ items: InspectionResponse[] }> {
    const { manager } = this.dataSource;
    const rows = await this.inspections.list(manager, tenantId);
    const latest = await this.inspections.latestResults(manager, tenantId);
    const now = this.clock.now();
    return { items: rows.map((row) => toInspectionResponse(row, latest.get(row.id), now)) };
  }
}
