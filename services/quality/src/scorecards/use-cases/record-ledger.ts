import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type KnownCloudEvent, slaKind } from '@hotline/contracts';
import type { EntityManager } from 'typeorm';
import { KpisPort } from '../../kpis/kpis-port';
import { AttributionRepository } from '../attribution.repository';
import { applyScheme, attributeLater, NO_AGENT_REASON } from '../domain/apply-scheme';
import { type Attribution, breachSubjectKey, contactIdOfKey, contactSubjectKeys, type Evidence, subjectKeyOf } from '../domain/evidence';
import { compensationOf, type NewLedgerEntry } from '../domain/ledger-entry';
import { supersede } from '../domain/supersede';
import { LedgerRepository } from '../ledger.repository';
import { SchemeRepository } from '../scheme.repository';

type LedgerEvent = KnownCloudEvent<'contact.scored' | 'sla.breached' | 'sla.withdrawn' | 'survey.completed'>;

/**
 * Turns evidence into points ledger entries (MANUAL 5.4), in the consumer's transaction, one event
 * at a time in delivery order (a subject's later verdict sees the earlier one's entries):
 * - `contact.scored`: a penalty per deduction; a newer score of the contact reverses the older one's;
 * - `sla.breached`: a penalty by deadline kind (zero with the reason when outage-caused, late or unattributed);
 * - `sla.withdrawn` of a breach: reverses that breach's entries with compensating entries;
 * - `survey.completed`: a reward or penalty by score; a redone survey reverses the earlier one's.
 * Entries are unique on evidence event and rule, so a redelivered event adds nothing.
 */
@Injectable()
export class RecordLedger {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly schemes: SchemeRepository,
    private readonly attribution: AttributionRepository,
    private readonly kpis: KpisPort,
  ) {}

  async execute(manager: EntityManager, event: LedgerEvent): Promise<void> {
    if (event.type === 'sla.withdrawn') return this.withdraw(manager, event);
    const evidence = evidenceOf(event);
    const tenantId = event.tenantid;
    const subjectKey = subjectKeyOf(evidence);
    await this.ledger.lockSubjects(manager, tenantId, [subjectKey]);
    const inForce = (await this.ledger.inForce(manager, tenantId, [subjectKey])).get(subjectKey) ?? [];
    let reverse: NewLedgerEntry[] = [];
    if (evidence.kind === 'breach') {
      // One breach per deadline: a second for the same one (a re-judged deadline) adds nothing.
      if (inForce.length > 0) return;
    } else {
      const verdict = supersede(inForce, { eventId: evidence.eventId, at: evidence.at });
      if (verdict.stale) return;
      reverse = verdict.reverse;
    }
    const scheme = await this.schemes.current(manager, tenantId);
    const who = await this.attribute(manager, tenantId, event, evidence);
    const reason = evidence.kind === 'etiquette' ? 'Superseded by a newer score of the contact' : 'Superseded by a newer survey answer';
    await this.ledger.append(manager, [
      ...reverse.map((entry) => compensationOf(entry, { id: randomUUID(), evidenceEventId: event.id, evidenceType: event.type, reason, occurredAt: evidence.at })),
      ...applyScheme(tenantId, evidence, who, scheme, randomUUID),
    ]);
  }

  /**
   * Contacts' answers name their agents: what was recorded about a contact for nobody (a breach of
   * its answer deadline while the customer still waited) now counts for its answering agent. Most
   * answers find nothing pending: one read per tenant of the batch, locks only where there is work.
   */
  async attributeAnswers(manager: EntityManager, events: readonly KnownCloudEvent<'contact.answered'>[]): Promise<void> {
    for (const [tenantId, answers] of byTenant(events)) {
      // The earliest answer of each contact (by event time, then id) names its agent, as the KPIs' facts do.
      const answerOf = new Map<string, KnownCloudEvent<'contact.answered'>>();
      for (const answer of answers) {
        const held = answerOf.get(answer.data.contactId);
        if (!held || answer.time < held.time || (answer.time === held.time && answer.id < held.id)) answerOf.set(answer.data.contactId, answer);
      }
      const keys = [...answerOf.keys()].flatMap((contactId) => contactSubjectKeys(contactId, slaKind.options));
      const seen = await this.ledger.unattributed(manager, tenantId, keys, NO_AGENT_REASON);
      if (seen.length === 0) continue;
      await this.ledger.lockSubjects(manager, tenantId, seen.map((entry) => entry.subjectKey));
      const pending = await this.ledger.unattributed(manager, tenantId, [...new Set(seen.map((entry) => entry.subjectKey))], NO_AGENT_REASON);
      const scheme = await this.schemes.current(manager, tenantId);
      const entries = [];
      for (const entry of pending) {
        const answer = answerOf.get(contactIdOfKey(entry.subjectKey));
        if (!answer) continue;
        const team = answer.data.team ?? (await this.attribution.teamOf(manager, tenantId, answer.data.agentId));
        const by = { eventId: answer.id, eventType: answer.type, at: new Date(answer.time) };
        entries.push(...attributeLater(entry, { agentId: answer.data.agentId, team }, scheme, by, randomUUID));
      }
      await this.ledger.append(manager, entries);
    }
  }

  private async withdraw(manager: EntityManager, event: KnownCloudEvent<'sla.withdrawn'>): Promise<void> {
    if (event.data.withdraws !== 'sla.breached') return;
    const subjectKey = breachSubjectKey(event.data);
    await this.ledger.lockSubjects(manager, event.tenantid, [subjectKey]);
    const inForce = (await this.ledger.inForce(manager, event.tenantid, [subjectKey])).get(subjectKey) ?? [];
    // A withdrawal that overtakes its breach finds nothing to reverse; the breach, arriving after, is still
    // recorded (a known limit: dispatch publishes the breach before its withdrawal, and the queue keeps order).
    await this.ledger.append(
      manager,
      inForce.map((entry) =>
        compensationOf(entry, { id: randomUUID(), evidenceEventId: event.id, evidenceType: event.type, reason: `Breach withdrawn: ${event.data.reason}`, occurredAt: new Date(event.time) }),
      ),
    );
  }

  /** The agent: the event's own, else the contact's (from the KPIs' facts) or the case's holder; the team: the contact's, else the agent's. */
  private async attribute(manager: EntityManager, tenantId: string, event: Exclude<LedgerEvent, KnownCloudEvent<'sla.withdrawn'>>, evidence: Evidence): Promise<Attribution> {
    const contactId = evidence.kind === 'etiquette' ? evidence.contactId : contactOf(evidence);
    const caseId = evidence.kind === 'breach' && evidence.subjectType === 'case' ? evidence.subjectId : evidence.kind === 'survey' && evidence.subject.type === 'case' ? evidence.subject.id : null;
    const own = event.type === 'contact.scored' ? (event.data.agentId ?? null) : null;
    const contact = contactId === null ? undefined : (await this.kpis.contactAgents(manager, tenantId, [contactId])).get(contactId);
    const agentId = own ?? contact?.agentId ?? (caseId === null ? null : await this.attribution.caseAgent(manager, tenantId, caseId, evidence.at));
    if (agentId === null) return { agentId: null, team: null };
    const team = (contact?.agentId === agentId ? contact.team : null) ?? (await this.attribution.teamOf(manager, tenantId, agentId));
    return { agentId, team };
  }
}

function byTenant<E extends { tenantid: string }>(events: readonly E[]): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const event of events) groups.set(event.tenantid, [...(groups.get(event.tenantid) ?? []), event]);
  return groups;
}

function contactOf(evidence: Evidence): string | null {
  if (evidence.kind === 'breach') return evidence.subjectType === 'contact' ? evidence.subjectId : null;
  if (evidence.kind === 'survey') return evidence.subject.type === 'contact' ? evidence.subject.id : null;
  return evidence.contactId;
}

/** The evidence an event carries, at the event's time (a breach at its breach time when stated). */
function evidenceOf(event: Exclude<LedgerEvent, KnownCloudEvent<'sla.withdrawn'>>): Evidence {
  const at = new Date(event.time);
  switch (event.type) {
    case 'contact.scored':
      return {
        kind: 'etiquette',
        eventId: event.id,
        eventType: event.type,
        at,
        contactId: event.data.contactId,
        deductions: event.data.deductions.map(({ rule, standardId, version, clause }) => ({ rule, standardId, version, clause })),
      };
    case 'sla.breached':
      return {
        kind: 'breach',
        eventId: event.id,
        eventType: event.type,
        at: event.data.breachedAt ? new Date(event.data.breachedAt) : at,
        subjectType: event.data.subjectType,
        subjectId: event.data.subjectId,
        slaKind: event.data.slaKind,
        standardId: event.data.standardId,
        standardVersion: event.data.standardVersion,
        clause: event.data.clause ?? null,
        late: event.data.late === true,
        causedByOutage: event.data.causedByOutage === true,
      };
    case 'survey.completed':
      return {
        kind: 'survey',
        eventId: event.id,
        eventType: event.type,
        at,
        score: event.data.score,
        subject: event.data.contactId !== undefined ? { type: 'contact', id: event.data.contactId } : { type: 'case', id: event.data.caseId as string },
      };
  }
}
