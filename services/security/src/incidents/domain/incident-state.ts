/** Where an incident is in its life (MANUAL.md 7.3): each state only moves forward, one step at a time. */
export const INCIDENT_STATES = ['open', 'triaged', 'contained', 'resolved', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const INCIDENT_TYPES = ['pii_spoken_by_agent', 'brute_force', 'bulk_read', 'platform_reported', 'inspection_overdue'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The legal moves. Closing needs a post-incident review (checked by the incident, not the table). */
const MOVES: Readonly<Record<IncidentState, readonly IncidentState[]>> = {
  open: ['triaged'],
  triaged: ['contained'],
  contained: ['resolved'],
  resolved: ['closed'],
  closed: [],
};

export function allowedMoves(from: IncidentState): readonly IncidentState[] {
  return MOVES[from];
}
