export const TIMELINE_KINDS = ['opened', 'detected_again', 'transition', 'step_completed', 'step_overdue', 'evidence_added'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One line of an incident's timeline: what happened, when, and its particulars. */
export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  detail: Record<string, unknown>;
}
