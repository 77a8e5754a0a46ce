import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactKpis } from './domain/contact-kpis';
import { type CaseDeadlineFacts, storedCaseCounts, storedCaseDeadlineFacts } from './domain/case-deadline-facts';

/** Which case. */
export interface CaseRef {
  tenantId: string;
  caseId: string;
}

/** A case's deadline facts, and what it last added to the KPI cells (one count per settled deadline). */
export interface HeldCase extends CaseRef {
  facts: CaseDeadlineFacts;
  counted: ContactKpis[];
}

export function caseKey({ tenantId, caseId }: CaseRef): string {
  return JSON.stringify([tenantId, caseId]);
}

/** `quality.case_deadline_facts`, one row per (tenant, case), read and written in the caller's transaction. */
@Injectable()
export class CaseDeadlineFactsRepository {
  /** The cases' rows, locked until the transaction ends (created when absent), in key order, in one round trip. Keyed by `caseKey`. */
  async lockOrCreateMany(manager: EntityManager, refs: readonly CaseRef[]): Promise<Map<string, HeldCase>> {
    const unique = [...new Map(refs.map((ref) => [caseKey(ref), ref])).values()];
    if (unique.length === 0) return new Map();
    const rows: { tenant_id: string; case_id: string; facts: Parameters<typeof storedCaseDeadlineFacts>[0]; counted: ContactKpis | ContactKpis[] | null }[] = await manager.query(
      `INSERT INTO quality.case_deadline_facts (tenant_id, case_id)
       SELECT tenant_id, case_id FROM unnest($1::text[], $2::text[]) AS c(tenant_id, case_id) ORDER BY tenant_id, case_id
       ON CONFLICT (tenant_id, case_id) DO UPDATE SET tenant_id = excluded.tenant_id
       RETURNING tenant_id, case_id, facts, counted`,
      [unique.map((r) => r.tenantId), unique.map((r) => r.caseId)],
    );
    return new Map(
      rows.map((row) => {
        const held: HeldCase = { tenantId: row.tenant_id, caseId: row.case_id, facts: storedCaseDeadlineFacts(row.facts), counted: storedCaseCounts(row.counted) };
        return [caseKey(held), held];
      }),
    );
  }

  /** Saves cases `lockOrCreateMany` locked, in one statement. */
  async saveMany(manager: EntityManager, cases: readonly HeldCase[]): Promise<void> {
    if (cases.length === 0) return;
    await manager.query(
      `UPDATE quality.case_deadline_facts f SET facts = u.facts, counted = u.counted, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) AS u(tenant_id, case_id, facts, counted)
       WHERE f.tenant_id = u.tenant_id AND f.case_id = u.case_id`,
      [cases.map((c) => c.tenantId), cases.map((c) => c.caseId), cases.map((c) => JSON.stringify(c.facts)), cases.map((c) => JSON.stringify(c.counted))],
    );
  }
}
