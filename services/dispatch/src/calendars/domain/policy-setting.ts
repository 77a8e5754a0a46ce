import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import type { CaseActor } from '../../cases/domain/service-case';
import { DEFAULT_WARN_POINTS, type SlaPolicy, type SlaPriority } from '../../sla/domain';
import type { FieldIssue } from './tenant-calendar';

/**
 * How a tenant tailors one SLA policy for the clocks that start from then on: the business
 * calendar it counts on (none: 24/7) and a budget per priority, in seconds. Budgets only tighten:
 * none may exceed the policy's budget in force.
 */
export interface PolicySetting {
  tenantId: string;
  policyId: string;
  calendarId: string | null;
  priorityBudgets: Partial<Record<SlaPriority, number>>;
  /** Fractions of the budget to warn at, ascending (none: Hotline's default, 50 % and 80 %; for the answer clock, no warnings). */
  warnPoints: readonly number[] | null;
  updatedAt: Date;
}

export const MAX_WARN_POINTS = 5;

/** The answer clock's policy id in `PUT /v1/sla-policies/:policyId` (standard `answer-time`). */
export const ANSWER_POLICY_ID = 'answer';

/**
 * Where a policy's clocks warn when the tenant set nothing: case clocks at 50 % and 80 %; the answer
 * clock never (ADR 7: opt-in, as a warning per caller at 2,000 contacts a second pages nobody usefully).
 */
export function defaultWarnPoints(policyId: string): readonly number[] {
  return policyId === ANSWER_POLICY_ID ? [] : DEFAULT_WARN_POINTS;
}

/**
 * The answer clock counts 24/7 on the seconds of the standard, with no priority (contacts have
 * none): a calendar or budgets by priority make no sense for it, and are refused (400) naming the field.
 */
export function answerPolicyIssues({ calendarId, priorityBudgets }: { calendarId: string | null; priorityBudgets: object }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (calendarId !== null) issues.push({ path: 'calendarId', message: "the answer clock counts 24/7: only null is allowed for policy 'answer'" });
  if (Object.keys(priorityBudgets).length > 0) issues.push({ path: 'priorityBudgets', message: "contacts have no priority: leave it out (or {}) for policy 'answer'" });
  return issues;
}

/** Warn points a clock can use: at most five fractions strictly between 0 and 1, ascending, each once. */
export function warnPointIssues(points: readonly number[] | null): FieldIssue[] {
  if (points === null) return [];
  const issues: FieldIssue[] = [];
  if (points.length > MAX_WARN_POINTS) issues.push({ path: 'warnAt', message: `at most ${MAX_WARN_POINTS} warn points, got ${points.length}` });
  points.forEach((point, i) => {
    if (!(point > 0 && point < 1)) issues.push({ path: `warnAt[${i}]`, message: `must be a fraction of the budget between 0 and 1 (exclusive), got ${point}` });
    else if (i > 0 && point <= points[i - 1]) issues.push({ path: `warnAt[${i}]`, message: 'warn points must be in ascending order, each once' });
  });
  return issues;
}

/** Each priority budget looser than the policy's budget in force (DESIGN decision 11: tenants only tighten). */
export function priorityBudgetIssues(policy: SlaPolicy, budgets: Partial<Record<SlaPriority, number>>): FieldIssue[] {
  return Object.entries(budgets)
    .filter(([, seconds]) => seconds !== undefined && seconds * 1000 > policy.budgetMs)
    .map(([priority, seconds]) => ({
      path: `priorityBudgets.${priority}`,
      message: `${seconds} s is looser than the ${policy.budgetMs / 1000} s of '${policy.standard.standardId}' in force; it may only be tightened`,
    }));
}

/** The budgets by priority a clock gets, in milliseconds, never past the policy's own budget (the standards may have tightened since). */
export function budgetsByPriority(policy: SlaPolicy, budgets: Partial<Record<SlaPriority, number>>): Partial<Record<SlaPriority, number>> {
  return Object.fromEntries(Object.entries(budgets).map(([priority, seconds]) => [priority, Math.min(seconds * 1000, policy.budgetMs)]));
}

export function policySettingAudit(setting: PolicySetting, before: PolicySetting | undefined, actor: CaseActor, correlationId?: string): CloudEvent {
  const { tenantId, policyId, calendarId, priorityBudgets, warnPoints, updatedAt } = setting;
  return auditRecordedEvent({
    service: 'dispatch',
    tenantId,
    correlationId,
    time: updatedAt,
    actor,
    action: 'sla_policy.put',
    subject: { type: 'sla_policy', id: policyId },
    before: before && { calendarId: before.calendarId, priorityBudgets: before.priorityBudgets, warnAt: before.warnPoints },
    after: { calendarId, priorityBudgets, warnAt: warnPoints },
    summary: `SLA policy ${policyId}: ${calendarId ? `business hours of ${calendarId}` : '24/7'}`,
  });
}
