import type { CaseStage } from '../../cases/domain/case-stage';
import type { CaseActor } from '../../cases/domain/service-case';
import type { CommunicationDirection, ComplaintEntry } from './complaint-entry';
import { ComplaintConflict } from './complaint-errors';

/**
 * Where a complaint is in its own handling (MANUAL.md ch. 6): filed, acknowledged to the
 * complainant, resolved, archived. Its case's stage is kept by the case, not here.
 */
export const COMPLAINT_STATES = ['filed', 'acknowledged', 'resolved', 'archived'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** What a complaint holds beyond its case: the summary of its entries that its rules need. */
export interface ComplaintStatus {
  tenantId: string;
  complaintId: string;
  caseId: string;
  acknowledgedAt: Date | null;
  /** An outbound message asked the complainant for something, and no reply has come in since. */
  awaitingCustomer: boolean;
  /** The latest resolution (a reopened complaint may be resolved again). */
  resolvedAt: Date | null;
  /** The latest feedback; one per resolution. */
  feedbackAt: Date | null;
  archivedAt: Date | null;
}

/** Facts the SLA clocks of the case follow (cases/case-signals.ts); the clocks are not kept here. */
export type ComplaintSignal = 'complaint_acknowledged' | 'waiting_on_customer' | 'customer_replied';

/** A decided update: the entry to record, the complaint after it, and the signals it gives. */
export interface ComplaintChange {
  entry: ComplaintEntry;
  before: ComplaintState;
  after: ComplaintStatus;
  signals: ComplaintSignal[];
}

interface Step {
  actor: CaseActor;
  /** From the injected clock (DESIGN decision 12). */
  at: Date;
}

/** Only the resolution move (handling → follow_up) resolves a case; see cases/domain/case-stage.ts. */
const RESOLVABLE_FROM: CaseStage = 'handling';
const ARCHIVABLE_AT: readonly CaseStage[] = ['closed', 'cancelled'];

export function complaintState({ archivedAt, resolvedAt, acknowledgedAt }: ComplaintStatus): ComplaintState {
  if (archivedAt) return 'archived';
  if (resolvedAt) return 'resolved';
  return acknowledgedAt ? 'acknowledged' : 'filed';
}

/** A complaint nothing has been done to yet: its case was opened by `complaint.filed`. */
export function filedComplaint(tenantId: string, complaintId: string, caseId: string): ComplaintStatus {
  return { tenantId, complaintId, caseId, acknowledgedAt: null, awaitingCustomer: false, resolvedAt: null, feedbackAt: null, archivedAt: null };
}

/**
 * The rules of a complaint's updates. Each either returns the change or throws ComplaintConflict
 * (a 409) and changes nothing; an archived complaint refuses every update (manual 6.4).
 */
export const Complaint = {
  acknowledge(status: ComplaintStatus, { actor, at, note, channel }: Step & { note: string | null; channel: string | null }): ComplaintChange {
    refuseIfArchived(status);
    if (status.acknowledgedAt) {
      throw new ComplaintConflict('already-acknowledged', `Complaint ${status.complaintId} was acknowledged at ${status.acknowledgedAt.toISOString()}; it is acknowledged once.`);
    }
    return change(status, { kind: 'acknowledgement', at, actor, note, channel }, { acknowledgedAt: at }, ['complaint_acknowledged']);
  },

  /**
   * Logs a message with the complainant. An outbound one that asks them for something pauses on
   * them (`waiting_on_customer`); an inbound one while they were awaited is their reply.
   */
  communicate(
    status: ComplaintStatus,
    { actor, at, direction, channel, summary, awaitingCustomer }: Step & { direction: CommunicationDirection; channel: string; summary: string; awaitingCustomer: boolean },
  ): ComplaintChange {
    refuseIfArchived(status);
    const entry: ComplaintEntry = { kind: 'communication', at, actor, direction, channel, summary, awaitingCustomer };
    if (direction === 'outbound') {
      return awaitingCustomer && !status.awaitingCustomer ? change(status, entry, { awaitingCustomer: true }, ['waiting_on_customer']) : change(status, entry, {}, []);
    }
    return status.awaitingCustomer ? change(status, entry, { awaitingCustomer: false }, ['customer_replied']) : change(status, entry, {}, []);
  },

  /** Records the resolution; its case makes the resolution move (handling → follow_up) in the same transaction. */
  resolve(status: ComplaintStatus, { actor, at, resolution, stage }: Step & { resolution: string; stage: CaseStage }): ComplaintChange {
    refuseIfArchived(status);
    if (stage !== RESOLVABLE_FROM) {
      throw new ComplaintConflict(
        'cannot-resolve',
        `Complaint ${status.complaintId} cannot be resolved: its case is at ${stage}, and only a case in handling resolves (handling → follow_up).`,
        stage,
      );
    }
    return change(status, { kind: 'resolution', at, actor, resolution }, { resolvedAt: at }, []);
  },

  /** The complainant's satisfaction with the resolution (manual 6.3): once per resolution, never before one. */
  giveFeedback(status: ComplaintStatus, { actor, at, satisfied, comment }: Step & { satisfied: boolean; comment: string | null }): ComplaintChange {
    refuseIfArchived(status);
    if (!status.resolvedAt) throw new ComplaintConflict('not-resolved', `Complaint ${status.complaintId} has no resolution yet; feedback follows the resolution.`);
    if (status.feedbackAt && status.feedbackAt >= status.resolvedAt) {
      throw new ComplaintConflict('feedback-given', `Complaint ${status.complaintId} already has feedback on its resolution of ${status.resolvedAt.toISOString()}.`);
    }
    return change(status, { kind: 'feedback', at, actor, satisfied, comment }, { feedbackAt: at }, []);
  },

  /** Archives a complaint whose case is over (closed or cancelled): from then on it is immutable (manual 6.4). */
  archive(status: ComplaintStatus, { actor, at, stage }: Step & { stage: CaseStage }): ComplaintChange {
    refuseIfArchived(status);
    if (!ARCHIVABLE_AT.includes(stage)) {
      throw new ComplaintConflict('not-closed', `Complaint ${status.complaintId} cannot be archived: its case is at ${stage}, not closed or cancelled.`, stage);
    }
    return change(status, { kind: 'archive', at, actor }, { archivedAt: at }, []);
  },
};

function refuseIfArchived(status: ComplaintStatus): void {
  if (status.archivedAt) {
    throw new ComplaintConflict('archived', `Complaint ${status.complaintId} was archived at ${status.archivedAt.toISOString()} and can no longer change.`);
  }
}

function change(status: ComplaintStatus, entry: ComplaintEntry, updates: Partial<ComplaintStatus>, signals: ComplaintSignal[]): ComplaintChange {
  return { entry, before: complaintState(status), after: { ...status, ...updates }, signals };
}
