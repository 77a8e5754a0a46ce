import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoutingRule } from './domain/routing-rules';

export interface RuleSet {
  rules: RoutingRule[];
  /** Null while the tenant has never set rules (then every case may go to anyone). */
  updatedAt: Date | null;
}

/** Each tenant's ordered routing rules, kept and replaced as one document. */
@Injectable()
export class RulesRepository {
  async find(manager: EntityManager, tenantId: string): Promise<RuleSet> {
    const [row] = await manager.query(`SELECT rules, updated_at FROM dispatch.routing_rules WHERE tenant_id = $1`, [tenantId]);
    return row ? { rules: row.rules as RoutingRule[], updatedAt: new Date(row.updated_at) } : { rules: [], updatedAt: null };
  }

  async save(manager: EntityManager, tenantId: string, rules: readonly RoutingRule[]): Promise<Date> {
    const [row] = await manager.query(
      `INSERT INTO dispatch.routing_rules (tenant_id, rules) VALUES ($1, $2::jsonb)
       ON CONFLICT (tenant_id) DO UPDATE SET rules = excluded.rules, updated_at = now() RETURNING updated_at`,
      [tenantId, JSON.stringify(rules)],
    );
    return new Date(row.updated_at);
  }
}
