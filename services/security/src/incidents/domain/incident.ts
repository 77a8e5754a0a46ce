import { IllegalIncidentTransition, ReviewRequired } from './incident-errors';
import { allowedMoves, type IncidentState, type IncidentType, type Severity } from './incident-state';
import { missingReviewParts, type PostIncidentReview } from './post-incident-review';

export type IncidentActor = {
  id: string;
  kind: 'user' | 'api_key' | 'service';
  roles: string[];
};

export interface IncidentSnapshot {
  tenantId: string;
  id: string;
  type: IncidentType;
  severity: Severity;
  state: IncidentState;
  summary: string;
  /** Detections of the same key within the rule's window join this incident instead of opening another. */
  dedupKey: string;
  openedAt: Date;
  lastDetectedAt: Date;
  detections: number;
  review: PostIncidentReview | null;
  /** How many plan steps fell due undone (each escalates once). */
  escalationLevel: number;
  /** The response plan it runs, at the version it opened under. */
  plan: { id: string; version: string };
}

export interface IncidentTransition {
  incidentId: string;
  from: IncidentState;
  to: IncidentState;
  reason: string;
  review: PostIncidentReview | null;
  actor: IncidentActor;
  at: Date;
}

/** An incident: its state moves only as the table allows, and it closes only with a review. */
export class Incident {
  constructor(readonly snapshot: Readonly<IncidentSnapshot>) {}

  get state(): IncidentState {
    return this.snapshot.state;
  }

  get allowedTransitions(): readonly IncidentState[] {
    return allowedMoves(this.snapshot.state);
  }

  /** A detection of this incident's key within its window joins it (a closed incident takes no more). */
  absorbs(windowMinutes: number, at: Date): boolean {
    const sinceLast = at.getTime() - this.snapshot.lastDetectedAt.getTime();
    return this.snapshot.state !== 'closed' && Math.abs(sinceLast) <= windowMinutes * 60_000;
  }

  /** The move, checked: one step forward, and to `closed` only with a complete post-incident review. */
  transition(request: { to: IncidentState; reason: string; review?: PostIncidentReview; actor: IncidentActor; at: Date }): IncidentTransition {
    const { id, state } = this.snapshot;
    if (!this.allowedTransitions.includes(request.to)) throw new IllegalIncidentTransition(id, state, request.to, this.allowedTransitions);
    const missing = request.to === 'closed' ? missingReviewParts(request.review) : [];
    if (missing.length > 0) throw new ReviewRequired(id, missing);
    const review = request.to === 'closed' && request.review ? request.review : null;
    return { incidentId: id, from: state, to: request.to, reason: request.reason, review, actor: request.actor, at: request.at };
  }
}
