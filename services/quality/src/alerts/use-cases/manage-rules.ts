import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { qualityAudit } from '../../audit-trail/quality-audit';
import { AlertRulesRepository, type StoredRule } from '../alert-rules.repository';
import type { AlertActor } from '../domain/alert';
import type { AlertRule } from '../domain/alert-rule';

/** A tenant's alert rules: list (the defaults until it sets its own), put, delete; each change audited. */
@Injectable()
export class ManageRules {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: AlertRulesRepository,
    private readonly outbox: Outbox,
  ) {}

  list(tenantId: string): Promise<StoredRule[]> {
    return this.rules.list(this.dataSource.manager, tenantId);
  }

  put(tenantId: string, rule: AlertRule, actor: AlertActor): Promise<{ created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.rules.lock(manager, tenantId, rule.ruleId);
      await this.rules.put(manager, tenantId, rule, actor.id);
      const summary = `alert rule ${rule.ruleId} ${before ? 'changed' : 'created'}`;
      const after = { kind: rule.condition.kind, enabled: rule.enabled, severity: rule.severity };
      const audit = qualityAudit({ tenantId, actor, action: 'alert_rule.put', subject: { type: 'alert_rule', id: rule.ruleId }, ...(before ? { before: { kind: before.condition.kind, enabled: before.enabled, severity: before.severity } } : {}), after, summary });
      await this.outbox.add(manager, [audit]);
      return { created: !before };
    });
  }

  delete(tenantId: string, ruleId: string, actor: AlertActor): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.rules.delete(manager, tenantId, ruleId))) return false;
      await this.outbox.add(manager, [qualityAudit({ tenantId, actor, action: 'alert_rule.delete', subject: { type: 'alert_rule', id: ruleId }, summary: `alert rule ${ruleId} deleted` })]);
      return true;
    });
  }
}
