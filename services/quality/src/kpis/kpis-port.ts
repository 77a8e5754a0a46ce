import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnsweredFact, EndedFact } from './domain/contact-facts';
import { UNKNOWN_GROUP } from './domain/contact-kpis';
import { addCounters, emptyCounters } from './domain/kpi-counters';
import { type KpiFigures, kpiFigures } from './domain/kpi-figures';
import { KpiCellsRepository } from './kpi-cells.repository';

/** Who handled a contact, as its contact events said. */
export interface ContactAgent {
  agentId: string;
  team: string | null;
}

/**
 * What other capabilities of quality may read of the KPIs (scorecards): a contact's agent from its
 * facts, and KPI figures over a range per agent or team. Read only; the tables stay this module's.
 */
@Injectable()
export class KpisPort {
  constructor(private readonly cells: KpiCellsRepository) {}

  /** The agent of each contact that has one (who answered it, else who ended it), keyed by contact id. */
  async contactAgents(manager: EntityManager, tenantId: string, contactIds: readonly string[]): Promise<Map<string, ContactAgent>> {
    if (contactIds.length === 0) return new Map();
    const rows: { contact_id: string; answered: AnsweredFact | null; ended: EndedFact | null }[] = await manager.query(
      `SELECT contact_id, facts->'answered' AS answered, facts->'ended' AS ended
       FROM quality.contact_kpi_facts WHERE tenant_id = $1 AND contact_id = ANY($2::text[])`,
      [tenantId, [...new Set(contactIds)]],
    );
    const agents = new Map<string, ContactAgent>();
    for (const { contact_id, answered, ended } of rows) {
      const agentId = answered?.agentId ?? ended?.agentId;
      if (agentId) agents.set(contact_id, { agentId, team: answered?.team ?? ended?.team ?? null });
    }
    return agents;
  }

  /** KPI figures per agent or team over `[from, to)` (daily buckets summed), keyed by the agent or team; contacts of no known agent or team left out. */
  async figures(tenantId: string, groupBy: 'agent' | 'team', from: Date, to: Date): Promise<Map<string, KpiFigures>> {
    const sums = new Map<string, ReturnType<typeof emptyCounters>>();
    for (const { groupKey, counters } of await this.cells.totals(tenantId, '1d', groupBy, from, to)) {
      if (groupKey === UNKNOWN_GROUP) continue;
      const sum = sums.get(groupKey) ?? emptyCounters();
      addCounters(sum, counters);
      sums.set(groupKey, sum);
    }
    return new Map([...sums].map(([key, counters]) => [key, kpiFigures(counters)]));
  }
}
