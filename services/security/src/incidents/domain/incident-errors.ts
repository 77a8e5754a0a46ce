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

/** Closing without the post-incident review the manual's emergency handling asks for. */
export class ReviewRequired extends Error {
  constructor(readonly incidentId: string) {
    super(`Incident ${incidentId} closes only with a post-incident review: send \`review\`.`);
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
