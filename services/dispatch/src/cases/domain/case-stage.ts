import { caseStage } from '@hotline/contracts';

/**
 * The manual's stages of a service case (ch. 2.2) as the contracts name them: consultation,
 * acceptance, handling, follow-up (the return call after resolution), satisfaction evaluation,
 * closed; plus reopened (the resolution did not hold) and cancelled (withdrawn, duplicate, mistaken).
 */
export const CASE_STAGES = caseStage.options;
export type CaseStage = (typeof CASE_STAGES)[number];

/**
 * Every legal move, the one table of them (MANUAL.md ch. 2.2). A case moves forward one stage at a
 * time. Decisions where the manual is silent:
 * - an enquiry answered on the spot closes from consultation (nothing to accept, handle or call back);
 * - handling → follow_up is the resolution (it publishes `case.resolved`: the return call is due);
 * - a resolution that did not hold reopens the case: from the return call (follow_up), from the
 *   evaluation, or after closing; a reopened case goes back to handling (its clocks reset there later);
 * - any open stage may be cancelled; closed and cancelled are final, except that closed may reopen;
 * - escalation is no stage: it is the case's `escalationLevel`, and no move here touches it.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStage, readonly CaseStage[]>> = {
  consultation: ['acceptance', 'closed', 'cancelled'],
  acceptance: ['handling', 'cancelled'],
  handling: ['follow_up', 'cancelled'],
  follow_up: ['evaluation', 'reopened', 'cancelled'],
  evaluation: ['closed', 'reopened', 'cancelled'],
  closed: ['reopened'],
  reopened: ['handling', 'cancelled'],
  cancelled: [],
};

/** The stages a case at `from` may move to, in the table's order. */
export function allowedFrom(from: CaseStage): readonly CaseStage[] {
  return CASE_TRANSITIONS[from];
}

export function canMove(from: CaseStage, to: CaseStage): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** The move that resolves a case: its follow-up (return call) is due from then (manual 2.2 step 4). */
export function isResolution(from: CaseStage, to: CaseStage): boolean {
  return from === 'handling' && to === 'follow_up';
}

/** Where a case starts: a reported case is already accepted (服务受理); a bare enquiry is a consultation. */
export function initialStage(caseType: string): CaseStage {
  return caseType === 'consultation' ? 'consultation' : 'acceptance';
}
