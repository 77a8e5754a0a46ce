import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { type AuditActor, qualityAudit } from '../../audit-trail/quality-audit';
import { DisputesRepository } from '../disputes.repository';
import { type Dispute, DisputeRefused, openDispute, ruleOnDispute, type RulingDecision } from '../domain/dispute';
import { compensationOf } from '../domain/ledger-entry';
import { LedgerRepository } from '../ledger.repository';

/** Nothing of the caller's tenant (or, for an agent, of theirs) by that id. */
export class DisputeNotFound extends Error {}

/**
 * Disputes of ledger entries (MANUAL 5.4): an agent disputes one of their own entries, a
 * supervisor rules once; an upheld dispute reverses the entry with a compensating entry. Each
 * commits with its `audit.recorded` in one transaction.
 */
@Injectable()
export class DisputeEntries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly disputes: DisputesRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Throws DisputeNotFound for an entry not the agent's (so others' entries are not revealed), DisputeRefused otherwise. */
  open(tenantId: string, entryId: string, actor: AuditActor, reason: string, at: Date): Promise<Dispute> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.ledger.find(manager, tenantId, entryId);
      if (!entry || entry.agentId !== actor.id) throw new DisputeNotFound(`You have no ledger entry ${entryId}.`);
      const dispute = openDispute(entry, { id: randomUUID(), agentId: actor.id, reason, at, alreadyDisputed: await this.disputes.existsFor(manager, tenantId, entryId) });
      if (!(await this.disputes.insert(manager, dispute))) throw new DisputeRefused('already-disputed', `Entry ${entryId} has been disputed already`);
      await this.outbox.add(manager, [
        qualityAudit({
          tenantId,
          actor,
          action: 'ledger_entry.dispute',
          subject: { type: 'ledger_dispute', id: dispute.id },
          after: { state: 'open', entryId, points: entry.points, rule: entry.rule },
          summary: `dispute of ledger entry ${entryId} (${entry.rule}, ${entry.points} points) opened`,
          at,
        }),
      ]);
      return dispute;
    });
  }

  list(tenantId: string, query: { state?: Dispute['state']; limit: number; cursor?: [string, string] }): Promise<Dispute[]> {
    return this.disputes.list(this.dataSource.manager, tenantId, query);
  }

  /** Throws DisputeNotFound, or DisputeRefused('already-ruled'). */
  rule(tenantId: string, disputeId: string, actor: AuditActor, ruling: { decision: RulingDecision; note: string }, at: Date): Promise<Dispute> {
    return this.dataSource.transaction(async (manager) => {
      const dispute = await this.disputes.lock(manager, tenantId, disputeId);
      if (!dispute) throw new DisputeNotFound(`Your tenant has no dispute ${disputeId}.`);
      const found = await this.ledger.find(manager, tenantId, dispute.entryId);
      if (!found) throw new DisputeNotFound(`Your tenant has no ledger entry ${dispute.entryId}.`);
      // Under the subject's lock no withdrawal reverses the entry between this read and the compensation.
      await this.ledger.lockSubjects(manager, tenantId, [found.subjectKey]);
      const entry = (await this.ledger.find(manager, tenantId, dispute.entryId)) ?? found;
      // Reversed meanwhile (its breach withdrawn): upheld, with nothing left to reverse.
      const compensation =
        ruling.decision === 'upheld' && !entry.reversed
          ? compensationOf(entry, { id: randomUUID(), evidenceEventId: `dispute:${dispute.id}`, evidenceType: 'ledger.dispute_upheld', reason: 'Dispute upheld', occurredAt: at })
          : null;
      const ruled = ruleOnDispute(dispute, { ...ruling, by: actor.id, at, compensationEntryId: compensation?.id ?? null });
      if (compensation) await this.ledger.append(manager, [compensation]);
      await this.disputes.saveRuling(manager, ruled);
      await this.outbox.add(manager, [
        qualityAudit({
          tenantId,
          actor,
          action: 'ledger_dispute.rule',
          subject: { type: 'ledger_dispute', id: dispute.id },
          before: { state: dispute.state },
          after: { state: ruled.state, entryId: entry.id, compensationEntryId: ruled.compensationEntryId },
          summary: `dispute of ledger entry ${entry.id} ${ruled.state}${compensation ? `: ${compensation.points} points restored` : ''}`,
          at,
        }),
      ]);
      return ruled;
    });
  }
}
