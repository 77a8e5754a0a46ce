import { Injectable } from '@nestjs/common';
import { type CloudEvent, toCloudEvent, validateIncomingEvent } from '@hotline/contracts';
import { CorrelationContext, traced } from '@hotline/messaging';
import { type ProblemFieldError, ValidationProblem } from '@hotline/platform';
import { IntakeConfig } from '../config/intake-config';
import { maskData, maskEvent } from '../masking';
import { TenantRateLimiter } from '../rate-limit/tenant-rate-limiter';
import { contentHash } from './domain/content-hash';
import { futureTimeIssues } from './domain/future-time';
import { eventKey, firstOfEachKey } from './domain/ingest-batch';
import { type ChangedResends, type IngestResult, partitionOutcomes } from './domain/ingest-outcome';
import { EventStore } from './event-store';

export type { IngestConflict, IngestResult } from './domain/ingest-outcome';

export interface IngestOptions {
  /** Report each error with the index of its event (a batch), or without (a single event). */
  indexed?: boolean;
  /** The platform's own payload, kept for audit beside the events mapped from it. */
  original?: { adapter: string; payload: unknown };
  /** A re-sent (source, id) with other content: reported as a conflict (the default), or counted a duplicate. */
  changedResends?: ChangedResends;
  /**
   * The id (same source) of an event that replaces this one, if any: when that one is already
   * kept, this one is not stored and counts as a duplicate (an original file after its redacted copy).
   */
  supersededBy?: (event: CloudEvent) => string | undefined;
}

/**
 * The one way into Hotline: validates platform events (a batch is all or nothing), masks personal
 * data, then stores the new ones, their outbox rows and the original delivery in one transaction. When `ingest`
 * resolves, every accepted event will be published; a resent (source, id) is reported as a duplicate,
 * or as a conflict when its content differs from what was kept.
 */
@Injectable()
export class IngestPipeline {
  constructor(
    private readonly store: EventStore,
    private readonly rateLimiter: TenantRateLimiter,
    private readonly config: IntakeConfig,
  ) {}

  async ingest(tenantId: string, items: readonly unknown[], options: IngestOptions = {}): Promise<IngestResult> {
    this.rateLimiter.admit(tenantId, items.length);
    const events = this.validate(tenantId, items, options.indexed ?? items.length > 1);
    // Personal data is masked before anything is stored or published: events and originals alike.
    const original = options.original && { ...options.original, payload: maskData(options.original.payload).data };
    // Content is hashed as kept (masked), so a faithful re-send matches and a changed one conflicts.
    const hashed = events.map(maskEvent).map((event) => ({ event, hash: contentHash(event), id: event.id, source: event.source }));
    const superseded = await this.superseded(tenantId, events, options.supersededBy);
    const kept = hashed.filter((e) => !superseded.has(e.id));
    const stored = await this.store.store({ tenantId, events: firstOfEachKey(kept), original });
    const result = partitionOutcomes(kept, stored, options.changedResends);
    return superseded.size === 0 ? result : { ...result, duplicates: [...result.duplicates, ...superseded] };
  }

  /** The ids of the events whose replacement the tenant already keeps. */
  private async superseded(tenantId: string, events: readonly CloudEvent[], supersededBy: IngestOptions['supersededBy']): Promise<Set<string>> {
    const replacements = supersededBy
      ? events.flatMap((event) => {
          const by = supersededBy(event);
          return by === undefined ? [] : [{ event, by }];
        })
      : [];
    if (replacements.length === 0) return new Set();
    const kept = await this.store.keptKeys(tenantId, replacements.map(({ event, by }) => ({ source: event.source, id: by })));
    return new Set(replacements.filter(({ event, by }) => kept.has(eventKey({ source: event.source, id: by }))).map(({ event }) => event.id));
  }

  private validate(tenantId: string, items: readonly unknown[], indexed: boolean): CloudEvent[] {
    const correlationId = CorrelationContext.current()?.correlationId;
    const errors: ProblemFieldError[] = [];
    const events: CloudEvent[] = [];
    const now = Date.now();
    items.forEach((item, index) => {
      const result = validateIncomingEvent(item);
      const problems = result.ok ? futureTimeIssues(result.event.time, now, this.config.maxFutureSkewSeconds) : result.errors;
      if (result.ok && problems.length === 0) events.push(traced(toCloudEvent(result.event, { tenantId, correlationId })));
      else errors.push(...problems.map((e) => (indexed ? { index, ...e } : e)));
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    return events;
  }
}
