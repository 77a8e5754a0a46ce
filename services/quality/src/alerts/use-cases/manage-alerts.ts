import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { qualityAudit } from '../../audit-trail/quality-audit';
import { type AlertPage, type AlertResponse, toAlertResponse } from '../alert-response';
import { AlertsRepository } from '../alerts.repository';
import { acknowledge, type AlertActor, type AlertState } from '../domain/alert';
import { AlertEngine } from './alert-engine';

/** Reading alerts, and what people do to them: acknowledge, resolve (audited). Undefined: no such alert for the tenant. */
@Injectable()
export class ManageAlerts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly engine: AlertEngine,
    private readonly outbox: Outbox,
  ) {}

  async list(tenantId: string, query: { state?: AlertState | 'open'; limit: number; cursor?: string }): Promise<AlertPage> {
    const page = await this.alerts.list(this.dataSource.manager, tenantId, query);
    return { items: page.items.map((a) => toAlertResponse(a)), nextCursor: page.nextCursor };
  }

  async find(tenantId: string, alertId: string): Promise<AlertResponse | undefined> {
    const manager = this.dataSource.manager;
    const alert = await this.alerts.find(manager, tenantId, alertId);
    return alert && toAlertResponse(alert, await this.alerts.history(manager, tenantId, alertId));
  }

  acknowledge(tenantId: string, alertId: string, actor: AlertActor): Promise<AlertResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.find(manager, tenantId, alertId, true);
      if (!alert) return undefined;
      const before = alert.state;
      const history = acknowledge(alert, actor, this.engine.now());
      if (history.length > 0) {
        await this.engine.acknowledged(manager, alert, history, actor);
        await this.outbox.add(manager, [qualityAudit({ tenantId, actor, action: 'alert.acknowledge', subject: { type: 'alert', id: alertId }, before: { state: before }, after: { state: alert.state }, summary: `alert ${alert.ruleId} on ${alert.scope} acknowledged` })]);
      }
      return toAlertResponse(alert, await this.alerts.history(manager, tenantId, alertId));
    });
  }

  resolve(tenantId: string, alertId: string, actor: AlertActor): Promise<AlertResponse | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.find(manager, tenantId, alertId, true);
      if (!alert) return undefined;
      const before = alert.state;
      await this.engine.resolvedByHand(manager, alert, actor);
      await this.outbox.add(manager, [qualityAudit({ tenantId, actor, action: 'alert.resolve', subject: { type: 'alert', id: alertId }, before: { state: before }, after: { state: alert.state }, summary: `alert ${alert.ruleId} on ${alert.scope} resolved by hand` })]);
      return toAlertResponse(alert, await this.alerts.history(manager, tenantId, alertId));
    });
  }
}
