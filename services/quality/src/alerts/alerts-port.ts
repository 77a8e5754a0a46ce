import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertsRepository } from './alerts.repository';

/** What other capabilities of quality may ask of the alerts (improvement actions): read only; the tables stay this module's. */
@Injectable()
export class AlertsPort {
  constructor(private readonly alerts: AlertsRepository) {}

  /** Whether the tenant has (or had, until pruned) the alert. */
  async exists(manager: EntityManager, tenantId: string, alertId: string): Promise<boolean> {
    return (await this.alerts.find(manager, tenantId, alertId)) !== undefined;
  }
}
