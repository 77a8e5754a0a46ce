import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Bucket, Grouping, KpiCell } from './domain/kpi-cells';
import { COUNTER_NAMES, type CounterName, type KpiCounters } from './domain/kpi-counters';

/** A change to one tenant's cell. */
export interface TenantCell extends KpiCell {
  tenantId: string;
}

/** One bucket and group's sums over a range, as `GET /v1/kpis` reads them. */
export interface CellTotals {
  bucketStart: Date;
  groupKey: string;
  standardVersions: string[];
  counters: KpiCounters;
}

const column = (name: CounterName): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COUNTER_COLUMNS = COUNTER_NAMES.map(column);
const KEY_COLUMNS = ['tenant_id', 'bucket', 'group_by', 'bucket_start', 'group_key', 'standard_version'];

// Built once from the counter names (never from input): every counter is a bigint column of the same name in snake_case.
const ADD_SQL = `INSERT INTO quality.kpi_cells (${[...KEY_COLUMNS, ...COUNTER_COLUMNS].join(', ')})
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], ${COUNTER_COLUMNS.map((_, i) => `$${i + 7}::bigint[]`).join(', ')})
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET ${COUNTER_COLUMNS.map((c) => `${c} = kpi_cells.${c} + excluded.${c}`).join(', ')}`;

/** Sums per bucket and group (`$6`: false sums a bucket's queues into the whole tenant, group key ''). */
const TOTALS_SQL = `SELECT bucket_start, CASE WHEN $6 THEN group_key ELSE '' END AS key,
    ${COUNTER_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')},
    array_agg(DISTINCT standard_version ORDER BY standard_version) FILTER (WHERE contacts <> 0 OR follow_ups <> 0 OR case_deadlines <> 0) AS standard_versions
  FROM quality.kpi_cells
  WHERE tenant_id = $1 AND bucket = $2 AND group_by = $3 AND bucket_start >= $4 AND bucket_start < $5
  GROUP BY bucket_start, key
  HAVING sum(contacts) <> 0 OR sum(follow_ups) <> 0 OR sum(case_deadlines) <> 0
  ORDER BY bucket_start, key`;

/** `quality.kpi_cells`: counter sums per tenant × bucket × group × standard version, only ever adjusted by differences. */
@Injectable()
export class KpiCellsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds the changes in one statement, in key order (so concurrent batches lock cells in one order). Keys must be distinct. */
  async addMany(manager: EntityManager, cells: readonly TenantCell[]): Promise<void> {
    if (cells.length === 0) return;
    await manager.query(ADD_SQL, [
      cells.map((c) => c.tenantId),
      cells.map((c) => c.bucket),
      cells.map((c) => c.groupBy),
      cells.map((c) => new Date(c.bucketStart).toISOString()),
      cells.map((c) => c.groupKey),
      cells.map((c) => c.standardVersion),
      ...COUNTER_NAMES.map((name) => cells.map((c) => c.counters[name])),
    ]);
  }

  /**
   * Sums per bucket and group for `from <= bucket start < to` (per bucket for the whole tenant
   * without `groupBy`), leaving out cells no contact (or case follow-up) is in any more.
   */
  async totals(tenantId: string, bucket: Bucket, groupBy: Grouping | undefined, from: Date, to: Date): Promise<CellTotals[]> {
    const params = [tenantId, bucket, groupBy ?? 'queue', from.toISOString(), to.toISOString(), groupBy !== undefined];
    const rows: Record<string, unknown>[] = await this.dataSource.query(TOTALS_SQL, params);
    return rows.map((row) => ({
      bucketStart: new Date(row['bucket_start'] as Date),
      groupKey: row['key'] as string,
      standardVersions: (row['standard_versions'] as string[] | null) ?? [],
      counters: Object.fromEntries(COUNTER_NAMES.map((name) => [name, Number(row[column(name)])])) as KpiCounters,
    }));
  }
}
