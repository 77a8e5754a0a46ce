import { Injectable } from '@nestjs/common';
import { BUCKET_MS } from '../domain/kpi-cells';
import { kpiFigures } from '../domain/kpi-figures';
import { KpiCellsRepository } from '../kpi-cells.repository';
import type { KpiReport } from '../kpi-response';
import { firstBucketStart, type KpisQuery } from '../kpis-query';

/** A tenant's KPIs per bucket and group over a range, as `GET /v1/kpis` answers them. */
@Injectable()
export class ReadKpis {
  constructor(private readonly cells: KpiCellsRepository) {}

  async execute(tenantId: string, { from, to, bucket, groupBy }: KpisQuery): Promise<KpiReport> {
    const totals = await this.cells.totals(tenantId, bucket, groupBy, firstBucketStart(from, bucket), to);
    const items = totals.map(({ bucketStart, groupKey, standardVersions, counters }) => ({
      bucketStart: bucketStart.toISOString(),
      bucketEnd: new Date(bucketStart.getTime() + BUCKET_MS[bucket]).toISOString(),
      group: groupBy === undefined ? null : groupKey,
      ...kpiFigures(counters),
      standardVersion: standardVersions.length === 1 ? standardVersions[0] : null,
      standardVersions,
    }));
    return { tenantId, from: from.toISOString(), to: to.toISOString(), bucket, groupBy: groupBy ?? null, items };
  }
}
