import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AlertRule, DEFAULT_ALERT_RULES } from './domain/alert-rule';

export interface StoredRule {
  rule: AlertRule;
  /** False for the built-in defaults a tenant without rules of its own gets. */
  custom: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

interface RuleRow {
  tenant_id: string;
  rule_id: string;
  rule: AlertRule;
  updated_by: string;
  updated_at: Date;
}

/** `quality.alert_rules`: each tenant's rules; a tenant with none gets DEFAULT_ALERT_RULES. */
@Injectable()
export class AlertRulesRepository {
  /** Each tenant's rules in force (the defaults when it has none), in one round trip. */
  async rulesOf(manager: EntityManager, tenantIds: readonly string[]): Promise<Map<string, AlertRule[]>> {
    const unique = [...new Set(tenantIds)];
    const rows: RuleRow[] = unique.length === 0 ? [] : await manager.query(`SELECT tenant_id, rule FROM quality.alert_rules WHERE tenant_id = ANY($1::text[]) ORDER BY rule_id`, [unique]);
    const out = new Map<string, AlertRule[]>(unique.map((t) => [t, []]));
    for (const row of rows) out.get(row.tenant_id)?.push(row.rule);
    for (const [tenant, rules] of out) if (rules.length === 0) out.set(tenant, [...DEFAULT_ALERT_RULES]);
    return out;
  }

  async list(manager: EntityManager, tenantId: string): Promise<StoredRule[]> {
    const rows: RuleRow[] = await manager.query(`SELECT * FROM quality.alert_rules WHERE tenant_id = $1 ORDER BY rule_id`, [tenantId]);
    if (rows.length === 0) return DEFAULT_ALERT_RULES.map((rule) => ({ rule, custom: false, updatedBy: null, updatedAt: null }));
    return rows.map((row) => ({ rule: row.rule, custom: true, updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString() }));
  }

  /** The rule before the change (undefined when new), locking it. */
  async lock(manager: EntityManager, tenantId: string, ruleId: string): Promise<AlertRule | undefined> {
    const [row]: RuleRow[] = await manager.query(`SELECT rule FROM quality.alert_rules WHERE tenant_id = $1 AND rule_id = $2 FOR UPDATE`, [tenantId, ruleId]);
    return row?.rule;
  }

  async put(manager: EntityManager, tenantId: string, rule: AlertRule, updatedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO quality.alert_rules (tenant_id, rule_id, rule, updated_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (tenant_id, rule_id) DO UPDATE SET rule = excluded.rule, updated_by = excluded.updated_by, updated_at = now()`,
      [tenantId, rule.ruleId, JSON.stringify(rule), updatedBy],
    );
  }

  async delete(manager: EntityManager, tenantId: string, ruleId: string): Promise<boolean> {
    const [{ n }] = await manager.query(
      `WITH gone AS (DELETE FROM quality.alert_rules WHERE tenant_id = $1 AND rule_id = $2 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [tenantId, ruleId],
    );
    return n > 0;
  }
}
