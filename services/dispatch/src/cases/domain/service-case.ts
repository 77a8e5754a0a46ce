import { allowedFrom, type CaseStage, canMove, initialStage, isResolution } from './case-stage';
import { CaseArchived, CaseChangedMeanwhile, CaseFinished, IllegalTransition, RecordLocked } from './case-errors';
import { type FieldChange, missingRecordFields, type RecordEditable, recordChanges, type RecordField } from './case-record';

/** Who moved a case: the JWT principal (a person), or a Hotline service acting on its own. */
export type CaseActor = {
  id: string;
  kind: 'user' | 'api_key' | 'service';
  roles: string[];
};

/** A case as it is opened: from `case.opened`, `fault.reported` or `complaint.filed` (see case-opening.ts). */
export interface CaseOpening {
  tenantId: string;
  caseId: string;
  type: string;
  priority: string;
  summary: string;
  category: string | null;
  region: string | null;
  customerId: string | null;
  contactId: string | null;
  openedAt: Date;
}

/** Everything a case holds; `version` counts its changes (1 when opened) for optimistic concurrency. */
export interface ServiceCaseState extends CaseOpening {
  stage: CaseStage;
  /** 0 until escalated; escalation raises the level, it is no stage (issue 10 part 5 sets it). */
  escalationLevel: number;
  recordComplete: boolean;
  /** Null until routing assigns the case (issue 10 part 4). */
  assignee: string | null;
  updatedAt: Date;
  version: number;
  /** Set when its complaint is archived: from then on the case is immutable (manual 6.4). */
  archivedAt: Date | null;
}

/** One move, as recorded in the case's timeline and published as `case.transitioned`. */
export interface CaseTransition {
  caseId: string;
  from: CaseStage;
  to: CaseStage;
  actor: CaseActor;
  reason: string;
  at: Date;
  /** The case's version once this move is applied. */
  version: number;
  /** handling → follow_up: the case is resolved and its return call is due. */
  resolves: boolean;
}

export interface TransitionRequest {
  to: CaseStage;
  actor: CaseActor;
  reason: string;
  /** From the injected clock (DESIGN decision 12). */
  at: Date;
}

export interface RecordRequest {
  values: Partial<Record<RecordEditable, string>>;
  actor: CaseActor;
  at: Date;
}

/** One change of a case's record (先处理后记录), as recorded in its timeline and audited. */
export interface RecordChange {
  caseId: string;
  changes: Partial<Record<RecordEditable, FieldChange>>;
  actor: CaseActor;
  at: Date;
  /** The case's version once this change is applied. */
  version: number;
  recordComplete: boolean;
  /** The record lacked something and is complete now: its record-completion clock stops. */
  completes: boolean;
}

/** One change of a case's priority, as recorded in its timeline and published as `case.priority_changed`. */
export interface PriorityChange {
  caseId: string;
  from: string;
  to: string;
  actor: CaseActor;
  reason: string;
  at: Date;
  /** The case's version once this change is applied. */
  version: number;
}

export interface PriorityRequest {
  priority: string;
  actor: CaseActor;
  reason: string;
  at: Date;
}

/** The case aggregate: its stage moves only through the table in case-stage.ts. */
export class ServiceCase {
  private constructor(private state: ServiceCaseState) {}

  static open(opening: CaseOpening): ServiceCase {
    return new ServiceCase({
      ...opening,
      stage: initialStage(opening.type),
      escalationLevel: 0,
      recordComplete: missingRecordFields(opening).length === 0,
      assignee: null,
      updatedAt: opening.openedAt,
      version: 1,
      archivedAt: null,
    });
  }

  static restore(state: ServiceCaseState): ServiceCase {
    return new ServiceCase({ ...state });
  }

  get snapshot(): Readonly<ServiceCaseState> {
    return this.state;
  }

  get caseId(): string {
    return this.state.caseId;
  }

  get stage(): CaseStage {
    return this.state.stage;
  }

  allowedTransitions(): readonly CaseStage[] {
    return this.state.archivedAt ? [] : allowedFrom(this.state.stage);
  }

  /** Moves the case, or throws IllegalTransition naming the stages it may move to (CaseArchived once archived). */
  transition({ to, actor, reason, at }: TransitionRequest): CaseTransition {
    const from = this.state.stage;
    if (this.state.archivedAt) throw new CaseArchived(this.state.caseId, from, this.state.archivedAt);
    if (!canMove(from, to)) throw new IllegalTransition(this.state.caseId, from, to, allowedFrom(from));
    const version = this.state.version + 1;
    this.state = { ...this.state, stage: to, updatedAt: at, version };
    return { caseId: this.state.caseId, from, to, actor, reason, at, version, resolves: isResolution(from, to) };
  }

  /**
   * Archives the case with its complaint; returns the version that makes, applied like a transition
   * (only to the version it was decided on). Whether it may be archived is the complaint's rule.
   */
  archive(at: Date): number {
    if (this.state.archivedAt) throw new CaseArchived(this.state.caseId, this.state.stage, this.state.archivedAt);
    this.state = { ...this.state, archivedAt: at, updatedAt: at, version: this.state.version + 1 };
    return this.state.version;
  }

  /**
   * Completes or corrects the record; undefined when no value differs (a repeated request changes
   * nothing). A closed or cancelled case's record is final (RecordLocked), an archived one immutable.
   */
  amendRecord({ values, actor, at }: RecordRequest): RecordChange | undefined {
    const { caseId, stage, archivedAt } = this.state;
    if (archivedAt) throw new CaseArchived(caseId, stage, archivedAt);
    if (stage === 'closed' || stage === 'cancelled') throw new RecordLocked(caseId, stage);
    const changes = recordChanges(this.state, values);
    if (Object.keys(changes).length === 0) return undefined;
    const next = { ...this.state, ...values };
    const recordComplete = missingRecordFields(next).length === 0;
    const completes = recordComplete && !this.state.recordComplete;
    this.state = { ...next, recordComplete, updatedAt: at, version: this.state.version + 1 };
    return { caseId, changes, actor, at, version: this.state.version, recordComplete, completes };
  }

  /**
   * Changes the case's priority; undefined when it has it already (a repeated request changes
   * nothing). A closed or cancelled case keeps its priority (CaseFinished), an archived one is immutable.
   */
  changePriority({ priority, actor, reason, at }: PriorityRequest): PriorityChange | undefined {
    const { caseId, stage, archivedAt, priority: from } = this.state;
    if (archivedAt) throw new CaseArchived(caseId, stage, archivedAt);
    if (stage === 'closed' || stage === 'cancelled') throw new CaseFinished(caseId, stage);
    if (priority === from) return undefined;
    this.state = { ...this.state, priority, updatedAt: at, version: this.state.version + 1 };
    return { caseId, from, to: priority, actor, reason, at, version: this.state.version };
  }

  /** What the record still lacks (empty once complete). */
  missingRecord(): RecordField[] {
    return missingRecordFields(this.state);
  }

  /**
   * The seam for the record-completion deadline (manual 2.2: the record follows the handling,
   * default within 24 h): the instant that clock starts — when the case opened — while the record
   * is incomplete, else undefined. The SLA engine sets its timer from this; nothing here keeps time.
   */
  recordClockStartsAt(): Date | undefined {
    return this.state.recordComplete ? undefined : this.state.openedAt;
  }
}

/** The refusal for a move that lost a race: the case is now at `current`, whatever the loser saw. */
export function changedMeanwhile(caseId: string, current: CaseStage): CaseChangedMeanwhile {
  return new CaseChangedMeanwhile(caseId, current, allowedFrom(current));
}
