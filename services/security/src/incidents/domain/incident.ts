import { IllegalIncidentTransition, ReviewRequired } from './incident-errors';
import { allowedMoves, type IncidentState, type IncidentType, type Severity } from './incident-state';

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
  review: string | null;
  /** The response plan it runs, at the version it opened under. */
  plan: { id: string; version: string };
}

export interface IncidentTransition {
  incidentId: string;
  from: IncidentState;
  to: IncidentState;
  reason: string;
  review: string | null;
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

  transition(request: { to: IncidentState; reason: string; review?: string; actor: IncidentActor; at: Date }): IncidentTransition {
    const { id, state } = this.snapshot;
    if (!this.allowedTransitions.includes(request.to)) throw new IllegalIncidentTransition(id, state, request.to, this.allowedTransitions);
    const review = request.review?.trim() || null;
    if (request.to === 'closed' && !review) throw new ReviewRequired(id);
    return { incidentId: id, from: state, to: request.to, reason: request.reason, review, actor: request.actor, at: request.at };
  }
}
