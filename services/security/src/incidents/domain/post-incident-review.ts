/** The post-incident review an incident closes with (MANUAL.md 7.3): what happened, why, and what changes. */
export interface PostIncidentReview {
  summary: string;
  rootCause: string;
  /** What will be done so it does not happen again; at least one. */
  actions: string[];
}

/** The parts of a review that are missing or blank, as field paths (`review` when there is none). */
export function missingReviewParts(review: Partial<PostIncidentReview> | null | undefined): string[] {
  if (!review) return ['review'];
  const missing: string[] = [];
  if (!review.summary?.trim()) missing.push('review.summary');
  if (!review.rootCause?.trim()) missing.push('review.rootCause');
  if (!review.actions?.some((action) => action.trim())) missing.push('review.actions');
  return missing;
}
