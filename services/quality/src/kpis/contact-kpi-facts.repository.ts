import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ContactFacts, emptyFacts } from './domain/contact-facts';
import type { ContactKpis } from './domain/contact-kpis';

/** Which contact. */
export interface ContactRef {
  tenantId: string;
  contactId: string;
}

/**
 * A contact's facts, and what it last added to the KPI cells (null: nothing yet). Rows written
 * before a fact or counter existed lack it: facts are read over empty ones, counters missing count 0.
 */
export interface HeldContact extends ContactRef {
  facts: ContactFacts;
  counted: ContactKpis | null;
}

export function contactKey({ tenantId, contactId }: ContactRef): string {
  return JSON.stringify([tenantId, contactId]);
}

interface FactsRow {
  tenant_id: string;
  contact_id: string;
  facts: ContactFacts | null;
  counted: ContactKpis | null;
}

/** `quality.contact_kpi_facts`, one row per (tenant, contact), read and written in the caller's transaction. */
@Injectable()
export class ContactKpiFactsRepository {
  /**
   * The contacts' rows, locked until the transaction ends, in one round trip: each as it is, or a
   * fresh one (a contact's first event). Locked in key order, so two transactions holding some of
   * the same contacts never wait on each other in a cycle. Keyed by `contactKey`.
   */
  async lockOrCreateMany(manager: EntityManager, refs: readonly ContactRef[]): Promise<Map<string, HeldContact>> {
    const unique = [...new Map(refs.map((ref) => [contactKey(ref), ref])).values()];
    if (unique.length === 0) return new Map();
    const rows: FactsRow[] = await manager.query(
      `INSERT INTO quality.contact_kpi_facts (tenant_id, contact_id)
       SELECT tenant_id, contact_id FROM unnest($1::text[], $2::text[]) AS c(tenant_id, contact_id) ORDER BY tenant_id, contact_id
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET tenant_id = excluded.tenant_id
       RETURNING tenant_id, contact_id, facts, counted`,
      [unique.map((r) => r.tenantId), unique.map((r) => r.contactId)],
    );
    return new Map(
      rows.map((row) => {
        const held: HeldContact = { tenantId: row.tenant_id, contactId: row.contact_id, facts: { ...emptyFacts(), ...row.facts }, counted: row.counted };
        return [contactKey(held), held];
      }),
    );
  }

  /** Saves contacts `lockOrCreateMany` locked, in one statement. */
  async saveMany(manager: EntityManager, contacts: readonly HeldContact[]): Promise<void> {
    if (contacts.length === 0) return;
    await manager.query(
      `UPDATE quality.contact_kpi_facts f SET facts = u.facts, counted = u.counted, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) AS u(tenant_id, contact_id, facts, counted)
       WHERE f.tenant_id = u.tenant_id AND f.contact_id = u.contact_id`,
      [
        contacts.map((c) => c.tenantId),
        contacts.map((c) => c.contactId),
        contacts.map((c) => JSON.stringify(c.facts)),
        contacts.map((c) => (c.counted === null ? null : JSON.stringify(c.counted))),
      ],
    );
  }
}
