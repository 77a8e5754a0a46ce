import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { CaseSignals } from '../../cases/case-signals';
import { CASES_CLOCK, type CasesClock } from '../../cases/cases-clock';
import { CaseArchived } from '../../cases/domain/case-errors';
import { type CaseActor, changedMeanwhile, type ServiceCase } from '../../cases/domain/service-case';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import { TransitionCase } from '../../cases/use-cases/transition-case';
import { complaintCaseId, isComplaintCase } from '../complaint-case';
import { ComplaintsRepository } from '../complaints.repository';
import { Complaint, type ComplaintChange, type ComplaintStatus } from '../domain/complaint';
import { complaintAudit } from '../domain/complaint-audit';
import type { CommunicationDirection } from '../domain/complaint-entry';

export interface ComplaintCommand {
  tenantId: string;
  complaintId: string;
  actor: CaseActor;
}

/** Decides an update from the locked status and the case as it is, at the clock's instant. */
type Decide = (status: ComplaintStatus, kase: ServiceCase, at: Date) => ComplaintChange;
/** What the update does to the case besides, in the same transaction. */
type CaseEffect = (manager: EntityManager, kase: ServiceCase, change: ComplaintChange) => Promise<void>;

/**
 * A complaint's updates (MANUAL.md ch. 6). Each commits in one transaction, or not at all: its entry
 * and status, its case's change if any (the resolution move, the archiving), the signals its clocks
 * follow, and `audit.recorded` through the outbox. Each resolves to false for an unknown complaint;
 * refusals throw ComplaintConflict, or the case's own (IllegalTransition, CaseArchived, CaseChangedMeanwhile).
 */
@Injectable()
export class UpdateComplaint {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly complaints: ComplaintsRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly transitionCase: TransitionCase,
    private readonly signals: CaseSignals,
    private readonly outbox: Outbox,
    @Inject(CASES_CLOCK) private readonly clock: CasesClock,
  ) {}

  acknowledge(command: ComplaintCommand, { note, channel }: { note?: string; channel?: string }): Promise<boolean> {
    return this.update(command, (status, _kase, at) => Complaint.acknowledge(status, { actor: command.actor, at, note: note ?? null, channel: channel ?? null }));
  }

  communicate(command: ComplaintCommand, message: { direction: CommunicationDirection; channel: string; summary: string; awaitingCustomer: boolean }): Promise<boolean> {
    return this.update(command, (status, _kase, at) => Complaint.communicate(status, { actor: command.actor, at, ...message }));
  }

  /** Records the resolution and moves the case through its resolution (handling → follow_up), at one instant. */
  resolve(command: ComplaintCommand, resolution: string): Promise<boolean> {
    return this.update(
      command,
      (status, kase, at) => Complaint.resolve(status, { actor: command.actor, at, resolution, stage: kase.stage }),
      async (manager, kase, { entry }) => {
        await this.transitionCase.within(manager, { tenantId: command.tenantId, caseId: kase.caseId, to: 'follow_up', reason: resolution, actor: command.actor, at: entry.at });
      },
    );
  }

  giveFeedback(command: ComplaintCommand, feedback: { satisfied: boolean; comment?: string }): Promise<boolean> {
    return this.update(command, (status, _kase, at) => Complaint.giveFeedback(status, { actor: command.actor, at, satisfied: feedback.satisfied, comment: feedback.comment ?? null }));
  }

  /** Archives the complaint and its case: both immutable from then on (manual 6.4). */
  archive(command: ComplaintCommand): Promise<boolean> {
    return this.update(
      command,
      (status, kase, at) => Complaint.archive(status, { actor: command.actor, at, stage: kase.stage }),
      async (manager, kase, { entry }) => {
        const version = kase.archive(entry.at);
        if (await this.cases.applyArchive(manager, command.tenantId, kase.caseId, entry.at, version)) return;
        // A transition committed since the case was read (read committed: it is visible now).
        const current = await this.cases.find(manager, command.tenantId, kase.caseId);
        if (current?.snapshot.archivedAt) throw new CaseArchived(kase.caseId, current.stage, current.snapshot.archivedAt);
        throw changedMeanwhile(kase.caseId, current?.stage ?? kase.stage);
      },
    );
  }

  private update({ tenantId, complaintId }: ComplaintCommand, decide: Decide, onCase?: CaseEffect): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const caseId = complaintCaseId(complaintId);
      if (!isComplaintCase(await this.cases.find(manager, tenantId, caseId))) return false;
      const status = await this.complaints.lock(manager, tenantId, complaintId, caseId);
      // Read again under the complaint's lock, so an update that waited for it decides on the case as
      // the winner left it. Cases are never deleted (the complaint's row references this one).
      const kase = (await this.cases.find(manager, tenantId, caseId)) as ServiceCase;
      const change = decide(status, kase, this.clock.now());
      await onCase?.(manager, kase, change);
      await this.complaints.save(manager, change.after, change.entry);
      await this.signals.record(
        manager,
        change.signals.map((signal) => ({ tenantId, caseId, signal, at: change.entry.at })),
      );
      await this.outbox.add(manager, [complaintAudit(tenantId, change, CorrelationContext.current()?.correlationId)]);
      return true;
    });
  }
}
