import { type CloudEvent, type EventDataInput, newCloudEvent, type NewCloudEventParams } from '@hotline/contracts';
import { SLA_PRIORITIES, type SlaPriority, type SlaVerdict } from '../sla/domain';
import type { ClockStep, VerdictToPublish } from './domain/clock-step';
import type { StoredInput } from './domain/stored-clock';

/** The durable timer kind of a case clock, keyed `${caseId}/${policyId}`. */
export const CASE_TIMER_KIND = 'sla.case';

const SOURCE = '/hotline/dispatch';

/** Where a case clock's events are published from: the request or event that changed it, or that set its timer. */
export interface SlaCorrelation {
  correlationId?: string;
  causationId?: string;
}

/** What dispatch knows of the case when a clock's events are published. */
export interface CaseAbout {
  /** Carried on breaches and stops, so compliance is reported per region. */
  region?: string;
  /** Carried on every `sla.*` event of the case, so alert rules can filter by it (a value outside P1–P4 is left out). */
  priority?: string;
}

const priorityOf = (priority: string | undefined) =>
  (SLA_PRIORITIES as readonly string[]).includes(priority ?? '') ? { priority: priority as SlaPriority } : {};

/** What every `sla.*` event says about a case clock's verdict: the one place a case verdict's data is built. */
function verdictData(caseId: string, verdict: SlaVerdict, late: boolean, region?: string, priority?: string) {
  return {
    subjectType: 'case',
    subjectId: caseId,
    slaKind: verdict.slaKind,
    startedAt: verdict.startedAt.toISOString(),
    deadline: (verdict.deadline ?? verdict.at).toISOString(),
    standardId: verdict.standard.standardId,
    standardVersion: verdict.standard.version,
    clause: verdict.standard.clause,
    late,
    ...(region !== undefined && { region }),
    ...priorityOf(priority),
  } as const;
}

export function warnedData(caseId: string, verdict: SlaVerdict, late: boolean, priority?: string): EventDataInput<'sla.warned'> {
  return { ...verdictData(caseId, verdict, late, undefined, priority), ...(verdict.point !== undefined && { fraction: verdict.point }) };
}

/** A breach under a declared outage (`outageId`) is the network's, not the agent's: `causedByOutage`. */
export function breachedData(caseId: string, verdict: SlaVerdict, late: boolean, outageId?: string, about: CaseAbout = {}): EventDataInput<'sla.breached'> {
  const outage = outageId === undefined ? {} : { causedByOutage: true, outageId };
  return { ...verdictData(caseId, verdict, late, about.region, about.priority), breachedAt: verdict.at.toISOString(), ...outage };
}

export function withdrawnData(caseId: string, verdict: SlaVerdict, cause: StoredInput | undefined, priority?: string): EventDataInput<'sla.withdrawn'> {
  const by = cause ? `${cause.signal} at ${new Date(cause.at).toISOString()}` : 'a late input';
  const what = verdict.kind === 'breached' ? 'breach' : `warning at ${Math.round((verdict.point ?? 0) * 100)} %`;
  return {
    ...verdictData(caseId, verdict, false, undefined, priority),
    withdraws: verdict.kind === 'breached' ? 'sla.breached' : 'sla.warned',
    reason: `${verdict.policyId}: ${by} took back the ${what} of ${verdict.at.toISOString()}`,
  };
}

/** A clock's stop: met when it came by the due time (a breach a late stop took back is withdrawn apart). */
export function stoppedData(caseId: string, { verdict, late, countedMs }: VerdictToPublish, about: CaseAbout = {}): EventDataInput<'sla.stopped'> {
  return {
    ...verdictData(caseId, verdict, late, about.region, about.priority),
    outcome: verdict.inTime === false ? 'breached' : 'met',
    stoppedAt: verdict.at.toISOString(),
    ...(countedMs !== undefined && { countedSeconds: Math.round(countedMs / 1000) }),
  };
}

function publishedEvent(common: Omit<NewCloudEventParams<'sla.stopped'>, 'type' | 'data'>, caseId: string, toPublish: VerdictToPublish, outageId: string | undefined, about: CaseAbout): CloudEvent {
  const { verdict, late } = toPublish;
  switch (verdict.kind) {
    case 'breached':
      return newCloudEvent({ ...common, type: 'sla.breached', data: breachedData(caseId, verdict, late, outageId, about) });
    case 'warned':
      return newCloudEvent({ ...common, type: 'sla.warned', data: warnedData(caseId, verdict, late, about.priority) });
    case 'stopped':
      return newCloudEvent({ ...common, type: 'sla.stopped', data: stoppedData(caseId, toPublish, about) });
  }
}

/**
 * The events one step of a case clock publishes, in order: withdrawals first, then warnings, breaches
 * and stops. `about`: the case's region (on breaches and stops) and priority (on every one).
 */
export function caseSlaEvents(
  tenantId: string,
  caseId: string,
  step: ClockStep,
  correlation: SlaCorrelation,
  cause?: StoredInput,
  outageId?: string,
  about: CaseAbout = {},
): CloudEvent[] {
  const common = { source: SOURCE, tenantId, subject: caseId, ...correlation };
  return [
    ...step.withdraw.map((verdict) => newCloudEvent({ ...common, type: 'sla.withdrawn', data: withdrawnData(caseId, verdict, cause, about.priority) })),
    ...step.publish.map((toPublish) => publishedEvent(common, caseId, toPublish, outageId, about)),
  ];
}
