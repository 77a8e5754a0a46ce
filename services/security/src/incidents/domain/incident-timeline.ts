/** One line of an incident's timeline: what happened, when, and its particulars. */
export interface TimelineEntry {
  at: Date;
  kind: 'opened' | 'detected_again' | 'transition';
  detail: Record<string, unknown>;
}
