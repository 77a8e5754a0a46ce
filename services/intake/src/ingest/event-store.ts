import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { isDependencyUnavailable, Outbox } from '@hotline/messaging';
import type { StoredKey } from './domain/ingest-outcome';
import { eventKey } from './domain/ingest-batch';
import { type KeptRow, storedKeysByRequest, unaccountedKeys } from './domain/stored-keys';
import { isRefusedData, refusedDataProblem } from './refused-data-problem';

/** An event to keep, with the hash of its content (`contentHash`) that tells a faithful re-send from a changed one. */
export interface HashedCloudEvent {
  event: CloudEvent;
  hash: string;
}

export interface StoreRequest {
  tenantId: string;
  events: readonly HashedCloudEvent[];
  original?: { adapter: string; payload: unknown };
}

/** For each (source, id) of a request, by `eventKey`: whether it was stored now, and the hash kept under it. */
export type StoredKeys = Map<string, StoredKey>;

interface Pending extends StoreRequest {
  resolve(stored: StoredKeys): void;
  reject(error: unknown): void;
}

interface Row {
  tenant_id: string;
  source: string;
  event_id: string;
  content_hash: string | null;
  inserted_now: boolean;
}

/** Statements in flight at once; the pool has 10 connections and the API-key check needs some. */
const MAX_CONCURRENT_COMMITS = 4;

/**
 * Stores accepted events, their outbox rows and original deliveries durably, grouping the requests
 * that arrive while earlier commits are in flight into one statement (group commit). At low load
 * a request commits at once; under load many share one commit, which is what bounds throughput
 * (each commit waits for the WAL to reach disk). Each request still gets only its own answer.
 */
@Injectable()
export class EventStore {
  private readonly waiting: Pending[] = [];
  private commitsInFlight = 0;
  private readonly statement: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    outbox: Outbox,
  ) {
    // One statement, so one round trip and atomic without BEGIN/COMMIT: the new events, their
    // outbox rows and NOTIFY, and the original deliveries (data-modifying CTEs always run).
    this.statement = `
      WITH input AS (
        SELECT * FROM ${EVENT_COLUMNS}
          AS u(tenant_id, event_id, type, source, occurred_at, correlation_id, payload, content_hash)
      ), inserted AS (
        INSERT INTO intake.events (tenant_id, event_id, type, source, occurred_at, correlation_id, payload, content_hash)
        SELECT * FROM input
        ON CONFLICT DO NOTHING
        RETURNING tenant_id, source, event_id, type, payload, content_hash
      ), ${outbox.cteFrom('inserted')}, delivered AS (
        INSERT INTO intake.deliveries (tenant_id, adapter, payload, event_ids)
        SELECT t, a, p, ARRAY(SELECT jsonb_array_elements_text(e)) FROM unnest($9::text[], $10::text[], $11::jsonb[], $12::jsonb[]) AS u(t, a, p, e)
      )
      SELECT tenant_id, source, event_id, content_hash, true AS inserted_now FROM inserted LEFT JOIN notified ON true`;
  }

  /** Resolves, once committed, with what became of each (source, id) of the request: stored now, or kept before (and with what hash). */
  store(request: StoreRequest): Promise<StoredKeys> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...request, resolve, reject });
      this.commitNext();
    });
  }

  private commitNext(): void {
    if (this.commitsInFlight >= MAX_CONCURRENT_COMMITS || this.waiting.length === 0) return;
    const group = this.waiting.splice(0, this.waiting.length);
    this.commitsInFlight++;
    void this.settle(group).finally(() => {
      this.commitsInFlight--;
      this.commitNext();
    });
  }

  /**
   * Commits a group and answers each request. One statement fails whole, so when it fails for
   * anything but a lost database (every request would fail alike: 503), the group is split in
   * halves committed in turn, until the failing request stands alone and gets its own error; the
   * others commit as if it had never come. Nothing of a failed statement was applied.
   */
  private async settle(group: readonly Pending[]): Promise<void> {
    let inserted: KeptRow[];
    try {
      inserted = await this.commit(group);
    } catch (error) {
      if (group.length === 1) return group[0].reject(isRefusedData(error) ? refusedDataProblem(error, await this.culprit(group[0])) : error);
      if (isDependencyUnavailable(error)) return group.forEach((request) => request.reject(error));
      // Halves in order, so a (source, id) sent by two requests still goes to the earlier one.
      const half = Math.ceil(group.length / 2);
      await this.settle(group.slice(0, half));
      await this.settle(group.slice(half));
      return;
    }
    // Committed: a failure from here on is answered as is (never re-committed, which would turn
    // what this group stored into its own duplicates).
    try {
      const storedByRequest = await this.outcomes(group, inserted);
      group.forEach((request, i) => request.resolve(storedByRequest[i]));
    } catch (error) {
      group.forEach((request) => request.reject(error));
    }
  }

  /** The one statement; resolves with the rows it inserted. */
  private async commit(group: readonly Pending[]): Promise<KeptRow[]> {
    const rows = group.flatMap((request) => request.events.map(({ event, hash }) => ({ tenantId: request.tenantId, event, hash })));
    const originals = group.filter((request) => request.original);
    const reported: Row[] = await this.dataSource.query(this.statement, [
      ...eventColumns(rows),
      originals.map((r) => r.tenantId),
      originals.map((r) => r.original?.adapter),
      originals.map((r) => JSON.stringify(r.original?.payload)),
      originals.map((r) => JSON.stringify(r.events.map((e) => e.event.id))),
    ]);
    return reported.map(keptRow);
  }

  private async outcomes(group: readonly Pending[], inserted: readonly KeptRow[]): Promise<StoredKeys[]> {
    const keyed = group.map(({ tenantId, events }) => ({ tenantId, events: events.map((e) => e.event) }));
    const kept = [...inserted];
    // Keys not inserted were kept before (or by a statement that committed meanwhile): their hashes
    // are read only then, so the common all-new group pays nothing for conflict detection.
    const notInserted = unaccountedKeys(keyed, kept);
    if (notInserted.length > 0) kept.push(...(await this.keptBefore(notInserted)));
    return storedKeysByRequest(keyed, kept);
  }

  /**
   * The event of a refused request that PostgreSQL refuses, found by halving the events with a
   * statement that only casts them (nothing is written); undefined when none is refused alone
   * (then it was the platform's original delivery) or when the search itself fails.
   */
  private async culprit(request: Pending): Promise<CloudEvent | undefined> {
    const refuses = async (events: readonly HashedCloudEvent[]): Promise<boolean> => {
      const rows = events.map(({ event, hash }) => ({ tenantId: request.tenantId, event, hash }));
      try {
        await this.dataSource.query(`SELECT count(*) FROM ${EVENT_COLUMNS}`, eventColumns(rows));
        return false;
      } catch (error) {
        if (isRefusedData(error)) return true;
        throw error;
      }
    };
    try {
      let suspects = request.events;
      if (!(await refuses(suspects))) return undefined;
      while (suspects.length > 1) {
        const half = suspects.slice(0, Math.ceil(suspects.length / 2));
        suspects = (await refuses(half)) ? half : suspects.slice(half.length);
      }
      return suspects[0]?.event;
    } catch {
      return undefined;
    }
  }

  /** Which of these (source, id) the tenant keeps, by `eventKey`. */
  async keptKeys(tenantId: string, keys: readonly { source: string; id: string }[]): Promise<Set<string>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT source, event_id FROM intake.events WHERE tenant_id = $1 AND (source, event_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [tenantId, keys.map((k) => k.source), keys.map((k) => k.id)],
    );
    return new Set(rows.map((row) => eventKey({ source: row.source, id: row.event_id })));
  }

  /** The hashes kept under keys this group did not insert (null for rows older than hashes). */
  private async keptBefore(keys: readonly { tenantId: string; source: string; id: string }[]): Promise<KeptRow[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT tenant_id, source, event_id, content_hash, false AS inserted_now FROM intake.events
       WHERE (tenant_id, source, event_id) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
      [keys.map((k) => k.tenantId), keys.map((k) => k.source), keys.map((k) => k.id)],
    );
    return rows.map(keptRow);
  }
}

/** The events' columns as the statement's first parameters, cast as stored (so PostgreSQL refuses here what it refuses there). */
const EVENT_COLUMNS = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::jsonb[], $8::text[])`;

function eventColumns(rows: readonly { tenantId: string; event: CloudEvent; hash: string }[]): unknown[] {
  return [
    rows.map((r) => r.tenantId),
    rows.map((r) => r.event.id),
    rows.map((r) => r.event.type),
    rows.map((r) => r.event.source),
    rows.map((r) => r.event.time),
    rows.map((r) => r.event.correlationid ?? null),
    rows.map((r) => JSON.stringify(r.event)),
    rows.map((r) => r.hash),
  ];
}

function keptRow(row: Row): KeptRow {
  return { tenantId: row.tenant_id, source: row.source, id: row.event_id, hash: row.content_hash, insertedNow: row.inserted_now };
}
