import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { TenantStandards } from '@hotline/tenant-standards';
import { ContactKpiFactsRepository, contactKey, type HeldContact } from '../contact-kpi-facts.repository';
import { contactFactOf, type FactAboutContact, type KpiEvent } from '../domain/contact-fact-of-event';
import { type ContactFacts, mergeFact } from '../domain/contact-facts';
import { contactKpis, contactTime, type CountingRules } from '../domain/contact-kpis';
import { KpiDeltas } from '../domain/kpi-cells';
import { KpiCellsRepository, type TenantCell } from '../kpi-cells.repository';
import { KpiConfig } from '../kpi-config';
import { RepeatContactFlags } from '../repeat-contact-flags';

/**
 * Applies a batch of events to their contacts' facts and the KPI cells, in the batch's transaction:
 * one statement locking (or creating) the contacts, one saving those that changed, one adding the
 * difference each made to the cells — whatever the batch's size (and, when contacts name their
 * customer, one locking those customers, one placing the contacts, one reading their neighbours and
 * one locking the neighbours whose first-contact resolution changed). A contact's counters are
 * recomputed from its facts and the answer standard in force at its time, and the cells adjusted
 * by the difference from what it counted before, so a late, repeated or corrected event moves a
 * contact between buckets or outcomes without rescanning anything. A contact of a known customer
 * may also change whether the customer's earlier contacts were resolved at first contact: those
 * are recounted with it (RepeatContactFlags).
 */
@Injectable()
export class RecordKpiFacts {
  constructor(
    private readonly facts: ContactKpiFactsRepository,
    private readonly cells: KpiCellsRepository,
    private readonly standards: TenantStandards,
    private readonly config: KpiConfig,
    private readonly repeats: RepeatContactFlags,
  ) {}

  /** `also`: other changes to the cells in this transaction (cases' follow-ups), written in the same statement so cells are locked once, in one order. */
  async execute(manager: EntityManager, events: readonly KpiEvent[], also: readonly TenantCell[] = []): Promise<void> {
    const about = events.map(contactFactOf).filter((fact): fact is FactAboutContact => fact !== undefined);
    if (about.length === 0 && also.length === 0) return;
    const held = await this.facts.lockOrCreateMany(manager, about);
    const changed = new Map<string, HeldContact>();
    const before = new Map<string, ContactFacts>();
    for (const { fact, ...ref } of about) {
      const contact = held.get(contactKey(ref)) as HeldContact;
      const merged = mergeFact(contact.facts, fact);
      if (isDeepStrictEqual(merged, contact.facts)) continue;
      if (!before.has(contactKey(ref))) before.set(contactKey(ref), contact.facts);
      contact.facts = merged;
      changed.set(contactKey(ref), contact);
    }
    const { flags, recount } = await this.repeats.of(manager, [...changed.values()], before);
    for (const contact of recount) changed.set(contactKey(contact), contact);
    const deltas = new Map<string, KpiDeltas>();
    for (const { tenantId, ...cell } of also) {
      const tenantDeltas = deltas.get(tenantId) ?? new KpiDeltas();
      tenantDeltas.add(cell);
      deltas.set(tenantId, tenantDeltas);
    }
    for (const contact of changed.values()) {
      const at = contactTime(contact.facts);
      const rules = at === null ? null : { ...(await this.rulesAt(contact.tenantId, at)), followedByRepeat: flags.get(contactKey(contact)) };
      const counted = rules === null ? null : contactKpis(contact.facts, rules);
      if (isDeepStrictEqual(counted, contact.counted)) continue;
      const tenantDeltas = deltas.get(contact.tenantId) ?? new KpiDeltas();
      tenantDeltas.change(contact.counted, counted);
      deltas.set(contact.tenantId, tenantDeltas);
      contact.counted = counted;
    }
    await this.facts.saveMany(manager, [...changed.values()]);
    const cells = [...deltas].flatMap(([tenantId, d]) => d.list().map((cell): TenantCell => ({ ...cell, tenantId })));
    await this.cells.addMany(manager, cells);
  }

  /** The tenant's answer standard in force at the contact's time (cached per tenant by TenantStandards). */
  private async rulesAt(tenantId: string, at: number): Promise<CountingRules> {
    const answer = (await this.standards.resolve(tenantId, new Date(at))).standard('answer-time');
    return { answerTargetMs: answer.seconds * 1000, standardVersion: answer.standardVersion, shortAbandonMs: this.config.shortAbandonMs };
  }
}
