import type { DeadlineStandardId } from '@hotline/standards';
import { isoDurationMs } from '../../inspections/domain/iso-duration';
import { type IncidentType, SEVERITIES, type Severity } from './incident-state';
import { type PlanStep, RESPONSE_PLANS, type ResponsePlan } from './response-plans';

/** Bounds of a tenant's plan: a plan is a short checklist, not a workflow engine. */
export const PLAN_LIMITS = { steps: 30, after: 30, withinDays: 365 } as const;

/** A step of a tenant's plan as sent: `within` is an ISO 8601 duration in whole minutes, alone or per severity. */
export interface TenantPlanStepInput {
  id: string;
  title: string;
  owner: string;
  within: string | Readonly<Record<Severity, string>>;
  after?: readonly string[];
  standard?: string;
}

export interface PlanIssue {
  path: string;
  message: string;
}

/** A tenant's plan that breaks a rule (duplicate ids, unknown or cyclic `after`, a loosened regulatory deadline): 422 naming each field. */
export class TenantPlanInvalid extends Error {
  constructor(readonly issues: readonly PlanIssue[]) {
    super(`The response plan is not valid: ${issues.map(({ path, message }) => `${path}: ${message}`).join('; ')}`);
  }
}

/** The deadline a standard sets for the tenant now, in seconds. */
export type StandardSeconds = (id: DeadlineStandardId) => number;

/**
 * The tenant's version `version` of the plan for `type`, or TenantPlanInvalid naming every broken
 * rule. A step bound to a standard of the built-in plan (e.g. the personal-data leak report) must
 * stay, and may only be tighter than the standard in force for the tenant (as tenant standards
 * only tighten a floor); when it is scheduled, the tighter of the two applies.
 */
export function tenantPlan(type: IncidentType, version: number, steps: readonly TenantPlanStepInput[], standardSeconds: StandardSeconds): ResponsePlan {
  const builtIn = RESPONSE_PLANS[type];
  const issues: PlanIssue[] = [];
  if (steps.length === 0) issues.push({ path: 'steps', message: 'A plan has at least one step' });
  if (steps.length > PLAN_LIMITS.steps) issues.push({ path: 'steps', message: `A plan has at most ${PLAN_LIMITS.steps} steps` });
  const firstIndex = new Map<string, number>();
  steps.forEach(({ id }, i) => {
    if (firstIndex.has(id)) issues.push({ path: `steps[${i}].id`, message: `Step id '${id}' is used already by steps[${firstIndex.get(id)}]` });
    else firstIndex.set(id, i);
  });
  steps.forEach(({ after = [] }, i) =>
    after.forEach((ref, j) => {
      if (!firstIndex.has(ref)) issues.push({ path: `steps[${i}].after[${j}]`, message: `No step '${ref}' in this plan` });
      else if (ref === steps[i].id) issues.push({ path: `steps[${i}].after[${j}]`, message: `Step '${ref}' cannot follow itself` });
    }),
  );
  const cycle = findCycle(steps, firstIndex);
  if (cycle) issues.push({ path: cycle.path, message: `The steps' order has a cycle: ${cycle.ids.join(' → ')}` });

  const allowed = new Set(builtIn.steps.flatMap(({ standardId }) => (standardId ? [standardId] : [])));
  const planSteps = steps.map((step, i): PlanStep => {
    const dueWithinMinutes = minutesBySeverity(step.within, `steps[${i}].within`, issues);
    const planStep: PlanStep = { id: step.id, title: step.title, ownerRole: step.owner, dueWithinMinutes, ...(step.after?.length ? { after: [...step.after] } : {}) };
    if (step.standard === undefined) return planStep;
    if (!allowed.has(step.standard as DeadlineStandardId)) {
      issues.push({ path: `steps[${i}].standard`, message: `The ${type} plan binds no step to '${step.standard}'${allowed.size ? `; it may bind ${[...allowed].join(', ')}` : ''}` });
      return planStep;
    }
    const standardId = step.standard as DeadlineStandardId;
    const limit = standardSeconds(standardId);
    const loosest = Math.max(...Object.values(dueWithinMinutes)) * 60;
    if (loosest > limit) {
      issues.push({ path: `steps[${i}].within`, message: `'${standardId}' is due within ${limit} s for your tenant; ${loosest} s is later, and a tenant may only tighten it` });
    }
    return { ...planStep, standardId };
  });
  for (const standardId of allowed) {
    if (!planSteps.some((step) => step.standardId === standardId)) {
      issues.push({ path: 'steps', message: `The ${type} plan keeps a step bound to '${standardId}' (a regulatory deadline); add \`standard: '${standardId}'\` to that step` });
    }
  }
  if (issues.length > 0) throw new TenantPlanInvalid(issues);
  return { id: tenantPlanId(type), version: String(version), type, source: 'tenant', steps: planSteps };
}

/** The id a tenant's plan for `type` goes by, beside the built-in's. */
export function tenantPlanId(type: IncidentType): string {
  return `tenant-${RESPONSE_PLANS[type].id}`;
}

function minutesBySeverity(within: TenantPlanStepInput['within'], path: string, issues: PlanIssue[]): Record<Severity, number> {
  const texts: Record<Severity, string> = typeof within === 'string' ? { P1: within, P2: within, P3: within, P4: within } : { ...within };
  const minutes = { P1: 0, P2: 0, P3: 0, P4: 0 };
  // One duration for every severity is judged (and named) once.
  for (const severity of typeof within === 'string' ? SEVERITIES.slice(0, 1) : SEVERITIES) {
    const ms = isoDurationMs(texts[severity]);
    const at = typeof within === 'string' ? path : `${path}.${severity}`;
    if (ms === undefined || ms % 60_000 !== 0) issues.push({ path: at, message: 'An ISO 8601 duration in whole minutes, e.g. PT15M, PT4H or P3D' });
    else if (ms > PLAN_LIMITS.withinDays * 86_400_000) issues.push({ path: at, message: `At most ${PLAN_LIMITS.withinDays} days` });
    else minutes[severity] = ms / 60_000;
  }
  return typeof within === 'string' ? { P1: minutes.P1, P2: minutes.P1, P3: minutes.P1, P4: minutes.P1 } : minutes;
}

/** The first cycle in the `after` graph, with the field that closes it; undefined when there is none. */
function findCycle(steps: readonly TenantPlanStepInput[], index: ReadonlyMap<string, number>): { path: string; ids: string[] } | undefined {
  const state = new Map<number, 'visiting' | 'done'>();
  const stack: number[] = [];
  const visit = (i: number): { path: string; ids: string[] } | undefined => {
    state.set(i, 'visiting');
    stack.push(i);
    const after = steps[i].after ?? [];
    for (let j = 0; j < after.length; j++) {
      const k = index.get(after[j]);
      if (k === undefined || k === i) continue;
      if (state.get(k) === 'visiting') {
        const ids = [...stack.slice(stack.indexOf(k)), k].map((n) => steps[n].id);
        return { path: `steps[${i}].after[${j}]`, ids };
      }
      if (!state.has(k)) {
        const found = visit(k);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(i, 'done');
    return undefined;
  };
  for (let i = 0; i < steps.length; i++) {
    if (index.get(steps[i].id) !== i || state.has(i)) continue;
    const found = visit(i);
    if (found) return found;
  }
  return undefined;
}
