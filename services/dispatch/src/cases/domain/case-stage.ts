/**
 * The manual's stages of a service case (ch. 2.2), in order: consultation, acceptance, handling,
 * follow-up (the return call after resolution), satisfaction evaluation; then closed.
 */
export const CASE_STAGES = ['consultation', 'acceptance', 'handling', 'follow_up', 'evaluation', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/**
 * A case moves forward one stage at a time, may skip consultation (a fault reported straight to
 * acceptance), and may be closed from any stage (withdrawn, duplicate); it never moves back.
 */
export function canMove(from: CaseStage, to: CaseStage): boolean {
  if (to === 'closed') return from !== 'closed';
  return CASE_STAGES.indexOf(to) === CASE_STAGES.indexOf(from) + 1;
}

/** Where a case starts: a reported case is already accepted (服务受理); a bare enquiry is a consultation. */
export function initialStage(caseType: string): CaseStage {
  return caseType === 'consultation' ? 'consultation' : 'acceptance';
}
