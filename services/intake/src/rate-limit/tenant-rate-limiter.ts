import { Injectable } from '@nestjs/common';
import { ProblemException } from '@hotline/platform';
import { IntakeConfig } from '../config/intake-config';
import { TokenBucket } from './domain/token-bucket';

/** Idle tenants' buckets are dropped past this many, so memory stays bounded. */
const MAX_TRACKED_TENANTS = 10_000;

/**
 * Per-tenant limit on events per second, one bucket per tenant in this process (each replica
 * limits its share). A batch costs one token per event, so a burst of batches is limited as fairly
 * as a burst of single events.
 */
@Injectable()
export class TenantRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly config: IntakeConfig) {}

  /** Takes `events` tokens or throws a 429 problem with `Retry-After`. */
  admit(tenantId: string, events: number, now = Date.now()): void {
    const verdict = this.bucketFor(tenantId, now).take(events, now);
    if (verdict.ok) return;
    throw new ProblemException(
      {
        status: 429,
        detail: `Tenant ${tenantId} is over its limit of ${this.config.rateLimit.eventsPerSecond} events per second; retry after ${verdict.retryAfterSeconds} s.`,
      },
      { 'Retry-After': String(verdict.retryAfterSeconds) },
    );
  }

  private bucketFor(tenantId: string, now: number): TokenBucket {
    let bucket = this.buckets.get(tenantId);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED_TENANTS) this.forgetIdle(now);
      const { eventsPerSecond, burst } = this.config.rateLimit;
      bucket = new TokenBucket(eventsPerSecond, burst, now);
      this.buckets.set(tenantId, bucket);
    }
    return bucket;
  }

  private forgetIdle(now: number): void {
    for (const [tenant, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(tenant);
  }
}
