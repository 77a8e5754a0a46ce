import type { DeadlineStandardId } from '@hotline/standards';
import type { IncidentType, Severity } from './incident-state';

/** A step of a response plan: who owns it and how long after the incident opened it is due. */
export interface PlanStep {
  id: string;
  title: string;
  /** A role (security, supervisor, admin) or, in a tenant's plan, a team name; security may complete any step. */
  ownerRole: string;
  /** Minutes after opening, per severity (a P1 is contained within the hour). */
  dueWithinMinutes: Readonly<Record<Severity, number>>;
  /** A standard whose deadline, in force for the tenant at opening, replaces `dueWithinMinutes`. */
  standardId?: DeadlineStandardId;
  /** Steps this one follows (a tenant's plan): ordering metadata, checked free of cycles; deadlines still run from opening. */
  after?: readonly string[];
}

export interface ResponsePlan {
  id: string;
  version: string;
  type: IncidentType;
  /** `tenant`: a tenant's version replacing the built-in plan; its standard-bound steps may only be tighter. */
  source?: 'built-in' | 'tenant';
  steps: readonly PlanStep[];
}

const HOUR = 60;
const same = (minutes: number): Record<Severity, number> => ({ P1: minutes, P2: minutes, P3: minutes, P4: minutes });
/** MANUAL.md 7.3 (**default**): containment by severity; a P1 is contained within 1 h. */
const CONTAIN = { P1: HOUR, P2: 4 * HOUR, P3: 24 * HOUR, P4: 72 * HOUR };
const TRIAGE = { P1: 15, P2: HOUR, P3: 4 * HOUR, P4: 24 * HOUR };
/** Fallback only: the report's deadline is the tenant's `personal-data-leak-report` standard (72 h by default). */
const REPORT_LEAK = same(72 * HOUR);
const REVIEW = same(14 * 24 * HOUR);

/** The response plans (应急预案), one per incident type, steps in the order they are run. */
export const RESPONSE_PLANS: Readonly<Record<IncidentType, ResponsePlan>> = {
  pii_spoken_by_agent: {
    id: 'plan-pii-spoken-by-agent',
    version: '1',
    type: 'pii_spoken_by_agent',
    steps: [
      { id: 'triage', title: 'Listen to the segment and confirm the disclosure', ownerRole: 'security', dueWithinMinutes: TRIAGE },
      { id: 'contain', title: 'Restrict the recording and brief the agent and their supervisor', ownerRole: 'supervisor', dueWithinMinutes: CONTAIN },
      { id: 'report', title: 'Report the personal-data leak to the data-protection officer', ownerRole: 'security', dueWithinMinutes: REPORT_LEAK, standardId: 'personal-data-leak-report' },
      { id: 'review', title: 'Post-incident review', ownerRole: 'security', dueWithinMinutes: REVIEW },
    ],
  },
  brute_force: {
    id: 'plan-brute-force',
    version: '1',
    type: 'brute_force',
    steps: [
      { id: 'triage', title: 'Identify the source and the keys it tried', ownerRole: 'security', dueWithinMinutes: TRIAGE },
      { id: 'contain', title: 'Block the source and rotate any exposed key', ownerRole: 'admin', dueWithinMinutes: CONTAIN },
      { id: 'review', title: 'Post-incident review', ownerRole: 'security', dueWithinMinutes: REVIEW },
    ],
  },
  bulk_read: {
    id: 'plan-bulk-read',
    version: '1',
    type: 'bulk_read',
    steps: [
      { id: 'triage', title: 'Confirm with the user and their supervisor why they read or exported the records', ownerRole: 'security', dueWithinMinutes: TRIAGE },
      { id: 'contain', title: 'Suspend the user’s access and recover any exported file', ownerRole: 'admin', dueWithinMinutes: CONTAIN },
      { id: 'report', title: 'Report the personal-data leak to the data-protection officer', ownerRole: 'security', dueWithinMinutes: REPORT_LEAK, standardId: 'personal-data-leak-report' },
      { id: 'review', title: 'Post-incident review', ownerRole: 'security', dueWithinMinutes: REVIEW },
    ],
  },
  platform_reported: {
    id: 'plan-platform-reported',
    version: '1',
    type: 'platform_reported',
    steps: [
      { id: 'triage', title: 'Confirm the report with the platform that sent it', ownerRole: 'security', dueWithinMinutes: TRIAGE },
      { id: 'contain', title: 'Contain what the report describes', ownerRole: 'security', dueWithinMinutes: CONTAIN },
      { id: 'review', title: 'Post-incident review', ownerRole: 'security', dueWithinMinutes: REVIEW },
    ],
  },
  inspection_overdue: {
    id: 'plan-inspection-overdue',
    version: '1',
    type: 'inspection_overdue',
    steps: [
      { id: 'triage', title: 'Find out from the inspection’s owner why it was not done', ownerRole: 'security', dueWithinMinutes: TRIAGE },
      { id: 'contain', title: 'Carry out the inspection and record its findings', ownerRole: 'supervisor', dueWithinMinutes: CONTAIN },
      { id: 'review', title: 'Post-incident review', ownerRole: 'security', dueWithinMinutes: REVIEW },
    ],
  },
};

export interface ScheduledStep {
  id: string;
  title: string;
  ownerRole: PlanStep['ownerRole'];
  dueAt: Date;
  /** Steps to be done before this one (a tenant's plan); empty for the built-in plans. */
  after?: readonly string[];
  /** The standard the deadline came from, with the version applied (MANUAL ch. 8). */
  standard?: { standardId: string; standardVersion: string };
}

/** A deadline standard as in force for the tenant: its seconds and the reference to record. */
export interface StepDeadlineStandard {
  seconds: number;
  standardId: string;
  standardVersion: string;
}

/**
 * The plan's steps with their deadlines for an incident of this severity opened at `openedAt`;
 * a step bound to a standard takes the tenant's value of it when `standards` is given.
 */
export function scheduleSteps(
  plan: ResponsePlan,
  severity: Severity,
  openedAt: Date,
  standards?: (id: DeadlineStandardId) => StepDeadlineStandard,
): ScheduledStep[] {
  return plan.steps.map(({ id, title, ownerRole, dueWithinMinutes, standardId, after }) => {
    const applied = standardId && standards ? standards(standardId) : undefined;
    const planned = dueWithinMinutes[severity] * 60_000;
    // A built-in step takes the standard's value; a tenant's step only ever tightens it.
    const dueInMs = !applied ? planned : plan.source === 'tenant' ? Math.min(planned, applied.seconds * 1000) : applied.seconds * 1000;
    const step: ScheduledStep = { id, title, ownerRole, dueAt: new Date(openedAt.getTime() + dueInMs) };
    if (after?.length) step.after = [...after];
    if (applied) step.standard = { standardId: applied.standardId, standardVersion: applied.standardVersion };
    return step;
  });
}
