import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import type { AuthFailure, AuthFailureListener } from '@hotline/platform';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { PLATFORM_TENANT } from '../tenants/tenant-access';
import { accessDeniedData, type Denial, toDenial } from './domain/access-denial';
import { FailureWindow, type RepeatedFailure } from './domain/failure-window';

const SOURCE = '/hotline/intake';

/**
 * Told of every request the auth guard refuses; when one origin keeps failing (5 times in 60 s),
 * publishes one `access.denied` through the outbox, so the Security service hears of it even if
 * the broker is down. Counting is in memory, per replica.
 *
 * The guard calls it synchronously before answering 401/403: it only counts here, and the rare
 * publish runs in the background, its failures logged, never thrown.
 */
@Injectable()
export class AccessDeniedListener implements AuthFailureListener {
  private readonly logger = new Logger(AccessDeniedListener.name);
  private readonly window = new FailureWindow();
  /** Monotonic, so a wall-clock step cannot empty or stretch the window. */
  private readonly now = () => performance.now();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  onAuthFailure(failure: AuthFailure): void {
    const denial = toDenial(failure);
    if (!denial) return;
    const repeated = this.window.record(denial.origin, this.now(), denial.keyPrefix);
    if (!repeated) return;
    const correlationId = CorrelationContext.current()?.correlationId;
    void this.publish(denial, repeated, correlationId).catch((error: Error) =>
      this.logger.error(`access.denied for ${denial.origin} not recorded: ${error.message}`, error.stack),
    );
  }

  private async publish(denial: Denial, repeated: RepeatedFailure, correlationId: string | undefined): Promise<void> {
    const tenantId = (repeated.keyPrefix && (await this.tenantOf(repeated.keyPrefix))) || PLATFORM_TENANT;
    const event = newCloudEvent({
      type: 'access.denied',
      source: SOURCE,
      tenantId,
      correlationId,
      data: accessDeniedData(denial, repeated.attempts, repeated.keyPrefix),
    });
    await this.dataSource.transaction((manager) => this.outbox.add(manager, [event]));
    this.logger.warn(`access.denied: ${event.data.attempts} × ${denial.reason} from ${denial.remoteAddress ?? 'unknown address'} (tenant ${tenantId})`);
  }

  /** The tenant of the key with this prefix, if there is one: the failures concern that tenant. */
  private async tenantOf(keyPrefix: string): Promise<string | undefined> {
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOne({ where: { prefix: keyPrefix }, select: { tenantId: true } });
    return key?.tenantId;
  }
}
