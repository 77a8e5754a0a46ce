import type { CaseStage } from './case-stage';

/** A move the stage table does not allow from where the case is. */
export class IllegalTransition extends Error {
  constructor(
    readonly caseId: string,
    readonly from: CaseStage,
    readonly to: CaseStage,
    readonly allowed: readonly CaseStage[],
  ) {
    super(`Case ${caseId} is at ${from} and cannot move to ${to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (final stage)'}.`);
    this.name = 'IllegalTransition';
  }
}

/** An archived case (an archived complaint's, manual 6.4) is immutable: it moves no more. */
export class CaseArchived extends Error {
  constructor(
    readonly caseId: string,
    readonly stage: CaseStage,
    readonly archivedAt: Date,
  ) {
    super(`Case ${caseId} was archived at ${archivedAt.toISOString()} and can no longer move; it stays at ${stage}.`);
    this.name = 'CaseArchived';
  }
}

/** Another transition of the case committed first (optimistic concurrency): this one was not applied. */
export class CaseChangedMeanwhile extends Error {
  constructor(
    readonly caseId: string,
    readonly stage: CaseStage,
    readonly allowed: readonly CaseStage[],
  ) {
    super(`Case ${caseId} was moved by someone else meanwhile and is now at ${stage}; nothing was changed. Allowed from ${stage}: ${allowed.length > 0 ? allowed.join(', ') : 'none'}.`);
    this.name = 'CaseChangedMeanwhile';
  }
}

/** A closed or cancelled case's record is final: it is what the case was closed or cancelled with. */
export class RecordLocked extends Error {
  constructor(
    readonly caseId: string,
    readonly stage: CaseStage,
  ) {
    super(`Case ${caseId} is ${stage}: its record can no longer change.`);
    this.name = 'RecordLocked';
  }
}

/** A closed or cancelled case keeps the priority it ended with: its clocks are done. */
export class CaseFinished extends Error {
  constructor(
    readonly caseId: string,
    readonly stage: CaseStage,
  ) {
    super(`Case ${caseId} is ${stage}: its priority can no longer change.`);
    this.name = 'CaseFinished';
  }
}
