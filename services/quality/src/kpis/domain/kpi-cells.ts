import type { ContactKpis } from './contact-kpis';
import { addCounters, emptyCounters, isZero, type KpiCounters } from './kpi-counters';

/** Bucket sizes, by the contact's time: quarter-hours and UTC days. */
export const BUCKETS = ['15m', '1d'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BUCKET_MS: Readonly<Record<Bucket, number>> = { '15m': 15 * 60_000, '1d': 24 * 60 * 60_000 };

/**
 * How cells split a tenant's contacts. Each contact is in exactly one queue (or `(unknown)`), so the
 * whole tenant is the sum of its queues: no cell of its own, which would be one row every batch of
 * the tenant updates.
 */
export const GROUPINGS = ['queue', 'team', 'agent'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** One bucket × group × standard version's counter sums (or a change to them). */
export interface KpiCell {
  bucket: Bucket;
  bucketStart: number;
  groupBy: Grouping;
  groupKey: string;
  standardVersion: string;
  counters: KpiCounters;
}

export function bucketStart(at: number, bucket: Bucket): number {
  return Math.floor(at / BUCKET_MS[bucket]) * BUCKET_MS[bucket];
}

export function cellKey(cell: Omit<KpiCell, 'counters'>): string {
  return JSON.stringify([cell.bucket, cell.bucketStart, cell.groupBy, cell.groupKey, cell.standardVersion]);
}

/** The cells a contact counts in: each bucket size × each grouping. */
export function cellsOf(kpis: ContactKpis): KpiCell[] {
  const keys: Record<Grouping, string> = { queue: kpis.queue, team: kpis.team, agent: kpis.agent };
  return BUCKETS.flatMap((bucket) =>
    GROUPINGS.map((groupBy) => ({
      bucket,
      bucketStart: bucketStart(kpis.at, bucket),
      groupBy,
      groupKey: keys[groupBy],
      standardVersion: kpis.standardVersion,
      counters: { ...kpis.counters },
    })),
  );
}

/** Sums changes to the cells, merging those of one cell; cells left unchanged are dropped. */
export class KpiDeltas {
  private readonly cells = new Map<string, KpiCell>();

  /** What changing one contact's count from `before` to `after` does to the cells. */
  change(before: ContactKpis | null, after: ContactKpis | null): void {
    if (before) for (const cell of cellsOf(before)) this.add(cell, -1);
    if (after) for (const cell of cellsOf(after)) this.add(cell, 1);
  }

  add(cell: KpiCell, sign: 1 | -1 = 1): void {
    const key = cellKey(cell);
    const held = this.cells.get(key) ?? { ...cell, counters: emptyCounters() };
    addCounters(held.counters, cell.counters, sign);
    this.cells.set(key, held);
  }

  /** The non-zero changes, in key order (so concurrent writers lock rows in one order). */
  list(): KpiCell[] {
    return [...this.cells.entries()]
      .filter(([, cell]) => !isZero(cell.counters))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, cell]) => cell);
  }
}
