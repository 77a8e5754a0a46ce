import type { IncidentState } from './incident-state';

/** A move the state table does not allow from where the incident is. */
export class IllegalIncidentTransition extends Error {
  constructor(
    readonly incidentId: string,
    readonly from: IncidentState,
    readonly to: IncidentState,
    readonly allowed: readonly IncidentState[],
  ) {
    super(`Incident ${incidentId} is ${from} and cannot move to ${to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none (closed)'}.`);
    this.name = 'IllegalIncidentTransition';
  }
}

/** Closing without the post-incident review the manual's emergency handling asks for, or with parts of it missing. */
export class ReviewRequired extends Error {
  constructor(
    readonly incidentId: string,
    readonly missing: readonly string[],
  ) {
    super(`Incident ${incidentId} closes only with a post-incident review {summary, rootCause, actions}; missing: ${missing.join(', ')}.`);
    this.name = 'ReviewRequired';
  }
}

/** Another move of the incident committed first: this one was not applied. */
export class IncidentChangedMeanwhile extends Error {
  constructor(
    readonly incidentId: string,
    readonly state: IncidentState,
    readonly allowed: readonly IncidentState[],
  ) {
    super(`Incident ${incidentId} was moved by someone else meanwhile and is now ${state}; nothing was changed.`);
    this.name = 'IncidentChangedMeanwhile';
  }
}

/** The step is not one of the incident's response plan. */
export class StepNotInPlan extends Error {
  constructor(
    readonly incidentId: string,
    readonly stepId: string,
    readonly planSteps: readonly string[],
  ) {
    super(`Incident ${incidentId}'s response plan has no step ${stepId}; its steps: ${planSteps.join(', ')}.`);
    this.name = 'StepNotInPlan';
  }
}

/** Only the step's owner role, or security, completes it. */
export class StepOwnerRequired extends Error {
  constructor(
    readonly stepId: string,
    readonly ownerRole: string,
  ) {
    super(`Step ${stepId} is completed by role ${ownerRole} or security.`);
    this.name = 'StepOwnerRequired';
  }
}

/** A closed incident's plan takes no more work. */
/** A step completed before the steps it follows (`after` in the tenant's plan) are done. */
export class StepPrerequisitesOpen extends Error {
  constructor(
    readonly stepId: string,
    readonly open: readonly string[],
  ) {
    super(`Step ${stepId} follows ${open.join(', ')}, not done yet; complete ${open.length > 1 ? 'them' : 'it'} first.`);
  }
}

export class IncidentClosed extends Error {
  constructor(readonly incidentId: string) {
    super(`Incident ${incidentId} is closed: its steps take no more changes.`);
    this.name = 'IncidentClosed';
  }
}

export class EvidenceTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`The evidence is ${size} bytes; the limit is ${maxBytes} bytes.`);
    this.name = 'EvidenceTooLarge';
  }
}

export class EvidenceHashMismatch extends Error {
  constructor(
    readonly claimed: string,
    readonly actual: string,
  ) {
    super(`sha256 ${claimed} is not the content's SHA-256 (${actual}); nothing was stored.`);
    this.name = 'EvidenceHashMismatch';
  }
}
