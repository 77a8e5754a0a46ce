import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContactKpiFactsRepository, contactKey, type HeldContact } from './contact-kpi-facts.repository';
import { CustomerContactsRepository, type CustomerWindow, customerKey, type PlacedContact } from './customer-contacts.repository';
import type { ContactFacts } from './domain/contact-facts';
import { affectedRange, followedByRepeat } from './domain/repeat-contacts';
import { KpiConfig } from './kpi-config';

/** A contact's customer and time, once its `contact.queued` named the customer. */
function placement(facts: ContactFacts): { customerId: string; at: number } | undefined {
  const queued = facts.queued;
  return queued?.customerId === undefined ? undefined : { customerId: queued.customerId, at: queued.at };
}

/** The repeat flags a batch's counting needs, and the other contacts whose flag it changed (locked, to be recounted). */
export interface RepeatFlags {
  flags: Map<string, boolean>;
  recount: HeldContact[];
}

/**
 * First-contact resolution across contacts: places the batch's contacts of known customers by
 * time, and works out the repeat flag of each one it counts, and of the earlier contacts of the
 * same customers whose flag a new or moved contact changes (those are locked and recounted too).
 */
@Injectable()
export class RepeatContactFlags {
  constructor(
    private readonly customers: CustomerContactsRepository,
    private readonly facts: ContactKpiFactsRepository,
    private readonly config: KpiConfig,
  ) {}

  /** `before`: each changed contact's facts before the batch. */
  async of(manager: EntityManager, changed: readonly HeldContact[], before: ReadonlyMap<string, ContactFacts>): Promise<RepeatFlags> {
    const window = this.config.repeatWindowMs;
    const placed: PlacedContact[] = [];
    const windows: CustomerWindow[] = [];
    const recountRanges: CustomerWindow[] = [];
    for (const contact of changed) {
      const now = placement(contact.facts);
      const was = placement(before.get(contactKey(contact)) ?? contact.facts);
      if (now === undefined) continue;
      const customer = { tenantId: contact.tenantId, customerId: now.customerId };
      windows.push({ ...customer, from: now.at, to: now.at + window });
      if (was?.customerId === now.customerId && was.at === now.at) continue;
      placed.push({ ...customer, contactId: contact.contactId, at: now.at });
      // A customer never changes once named (the earliest queued names it), so only its time can move.
      const { from, to } = affectedRange(was?.customerId === now.customerId ? [was.at, now.at] : [now.at], window);
      windows.push({ ...customer, from, to: to + window });
      recountRanges.push({ ...customer, from, to });
    }
    if (windows.length === 0) return { flags: new Map(), recount: [] };
    await this.customers.lockCustomers(manager, windows);
    await this.customers.placeMany(manager, placed);
    const loaded = await this.customers.within(manager, windows);

    const byCustomer = new Map<string, PlacedContact[]>();
    for (const contact of loaded) byCustomer.set(customerKey(contact), [...(byCustomer.get(customerKey(contact)) ?? []), contact]);
    const flags = new Map<string, boolean>();
    for (const contacts of byCustomer.values()) {
      const { tenantId } = contacts[0];
      for (const [contactId, flag] of followedByRepeat(contacts, window)) flags.set(contactKey({ tenantId, contactId }), flag);
    }

    const changedKeys = new Set(changed.map(contactKey));
    const others = loaded.filter(
      (c) => !changedKeys.has(contactKey(c)) && recountRanges.some((r) => customerKey(r) === customerKey(c) && c.at >= r.from && c.at <= r.to),
    );
    const recount = [...(await this.facts.lockOrCreateMany(manager, others)).values()];
    return { flags, recount };
  }
}
