import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PassResult, WakeablePoller } from '@hotline/messaging';
import { AlertDeliveryConfig } from './alert-delivery-config';
import { ALERT_NOTIFICATIONS_CHANNEL, AlertNotificationsRepository } from './alert-notifications.repository';
import type { AlertNotification } from './domain/alert-notification';

export type NotificationListener = (notifications: readonly AlertNotification[]) => void;

const PAGE = 500;

/**
 * The live tail of the notification log for this process's open streams, whichever replica
 * logged the rows: woken by the NOTIFY at their commit (LISTEN/NOTIFY, one connection a process),
 * and by a poll as well since a notification is lost while the listener reconnects. It reads what
 * is new once and fans it out to the streams of each row's tenant.
 */
@Injectable()
export class AlertStreamFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly listeners = new Map<string, Set<NotificationListener>>();
  private readonly poller: WakeablePoller;
  private lastId = 0;
  private started = false;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly notifications: AlertNotificationsRepository,
    config: AlertDeliveryConfig,
  ) {
    this.poller = new WakeablePoller(dataSource, {
      name: 'alert stream feed',
      logContext: AlertStreamFeed.name,
      channel: ALERT_NOTIFICATIONS_CHANNEL,
      pollIntervalMs: config.streamPollMs,
      pass: () => this.pass(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.lastId = await this.notifications.lastId();
    await this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Calls `listener` with each batch of the tenant's notifications logged from now on; answers the unsubscribe. */
  subscribe(tenantId: string, listener: NotificationListener): () => void {
    let set = this.listeners.get(tenantId);
    if (!set) this.listeners.set(tenantId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(tenantId) === set) this.listeners.delete(tenantId);
    };
  }

  /** Open streams in this process (for tests and metrics). */
  get openStreams(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private async pass(): Promise<PassResult> {
    if (this.listeners.size === 0) {
      // No one is listening: move past what is there without reading it.
      this.lastId = Math.max(this.lastId, await this.notifications.lastId());
      return { done: 0, more: false };
    }
    const rows = await this.notifications.allAfter(this.lastId, PAGE);
    if (rows.length === 0) return { done: 0, more: false };
    this.lastId = rows[rows.length - 1].id;
    const byTenant = new Map<string, AlertNotification[]>();
    for (const row of rows) {
      const group = byTenant.get(row.tenantId);
      if (group) group.push(row);
      else byTenant.set(row.tenantId, [row]);
    }
    for (const [tenantId, group] of byTenant) {
      for (const listener of this.listeners.get(tenantId) ?? []) listener(group);
    }
    return { done: rows.length, more: rows.length === PAGE };
  }
}
