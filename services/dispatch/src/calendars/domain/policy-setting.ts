import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { CaseActor } from '../../cases/domain/service-case';
import type { SlaPolicy, SlaPriority } from '../../sla/domain';
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
  updatedAt: Date;
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
  const { tenantId, policyId, calendarId, priorityBudgets, updatedAt } = setting;
  return newCloudEvent({
    type: 'audit.recorded',
    source: '/hotline/dispatch',
    tenantId,
    correlationId,
    subject: policyId,
    time: updatedAt,
    data: {
      actor,
      action: 'sla_policy.put',
      subject: { type: 'sla_policy', id: policyId },
      ...(before ? { before: { calendarId: before.calendarId, priorityBudgets: before.priorityBudgets } } : {}),
      after: { calendarId, priorityBudgets },
      summary: `SLA policy ${policyId}: ${calendarId ? `business hours of ${calendarId}` : '24/7'}`,
      service: 'dispatch',
    },
  });
}
