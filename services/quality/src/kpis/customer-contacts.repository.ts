import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CustomerContact } from './domain/repeat-contacts';

/** Which customer. */
export interface CustomerRef {
  tenantId: string;
  customerId: string;
}

export function customerKey({ tenantId, customerId }: CustomerRef): string {
  return JSON.stringify([tenantId, customerId]);
}

/** A contact of a customer at its time. */
export interface PlacedContact extends CustomerRef, CustomerContact {}

/** A customer's contacts to read: `from <= at <= to`. */
export interface CustomerWindow extends CustomerRef {
  from: number;
  to: number;
}

/** `quality.customer_contacts`: each known customer's contacts by time, in the caller's transaction. */
@Injectable()
export class CustomerContactsRepository {
  /**
   * Serialises the transactions that touch these customers until they end (in key order, so no
   * cycle among them): the repeat flags of one customer's contacts are read and written by one at a time.
   */
  async lockCustomers(manager: EntityManager, customers: readonly CustomerRef[]): Promise<void> {
    const keys = [...new Set(customers.map(customerKey))].sort();
    if (keys.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('quality.customer_contacts' || k, 0))
       FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys`,
      [keys],
    );
  }

  /** Places (or moves) each contact at its time, in one statement. */
  async placeMany(manager: EntityManager, contacts: readonly PlacedContact[]): Promise<void> {
    if (contacts.length === 0) return;
    await manager.query(
      `INSERT INTO quality.customer_contacts (tenant_id, customer_id, contact_id, at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) ORDER BY 1, 2, 3
       ON CONFLICT (tenant_id, customer_id, contact_id) DO UPDATE SET at = excluded.at`,
      [contacts.map((c) => c.tenantId), contacts.map((c) => c.customerId), contacts.map((c) => c.contactId), contacts.map((c) => new Date(c.at).toISOString())],
    );
  }

  /** The customers' contacts in their windows, in one statement. */
  async within(manager: EntityManager, windows: readonly CustomerWindow[]): Promise<PlacedContact[]> {
    if (windows.length === 0) return [];
    const rows: { tenant_id: string; customer_id: string; contact_id: string; at: Date }[] = await manager.query(
      `SELECT DISTINCT c.tenant_id, c.customer_id, c.contact_id, c.at
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS w(tenant_id, customer_id, from_at, to_at)
       JOIN quality.customer_contacts c ON c.tenant_id = w.tenant_id AND c.customer_id = w.customer_id AND c.at BETWEEN w.from_at AND w.to_at`,
      [
        windows.map((w) => w.tenantId),
        windows.map((w) => w.customerId),
        windows.map((w) => new Date(w.from).toISOString()),
        windows.map((w) => new Date(w.to).toISOString()),
      ],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, customerId: r.customer_id, contactId: r.contact_id, at: new Date(r.at).getTime() }));
  }
}
