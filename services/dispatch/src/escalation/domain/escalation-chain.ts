import { SLA_POLICY_IDS, type SlaPolicyId } from '../../sla/domain/sla-policy-catalogue';

/** Who each level pages, in the order a chain climbs (issue 10 part 5). */
export const ESCALATION_ROLES = ['team_lead', 'supervisor', 'duty_manager'] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

/** One rung: the role paged at this level, and how long it has to acknowledge before the next is paged. */
export interface EscalationStep {
  role: EscalationRole;
  waitSeconds: number;
}

/** The chain a policy's breaches climb; `'default'` serves every policy without one of its own. */
export const CHAIN_POLICY_IDS = [...SLA_POLICY_IDS, 'default'] as const;
export type ChainPolicyId = (typeof CHAIN_POLICY_IDS)[number];

export interface EscalationChain {
  policyId: ChainPolicyId;
  steps: readonly EscalationStep[];
  /** `builtin`, or `tenant:<revision>` for a tenant's own chain: recorded with each escalation it drives. */
  version: string;
}

export const BUILTIN_CHAIN_VERSION = 'builtin';
/** The most a step may wait: a chain that waits longer escalates nothing anyone would notice. */
export const MAX_WAIT_SECONDS = 30 * 24 * 3600;

const MINUTE = 60;
const HOUR = 3600;
const chain = (lead: number, supervisor: number, manager?: number): EscalationStep[] => [
  { role: 'team_lead', waitSeconds: lead },
  { role: 'supervisor', waitSeconds: supervisor },
  ...(manager === undefined ? [] : [{ role: 'duty_manager' as const, waitSeconds: manager }]),
];

/**
 * Defaults where the manual is silent (configurable per tenant): each step waits about as long as
 * the deadline it follows, so a 15-minute response climbs in minutes and a 15-day reply in days.
 * A missing record or return call is the team's own housekeeping: it stops at the supervisor.
 */
const DEFAULT_STEPS: Readonly<Record<ChainPolicyId, readonly EscalationStep[]>> = {
  answer: chain(5 * MINUTE, 10 * MINUTE, 15 * MINUTE),
  'network-fault-response': chain(10 * MINUTE, 20 * MINUTE, 30 * MINUTE),
  'equipment-fault-response': chain(15 * MINUTE, 30 * MINUTE, HOUR),
  'fault-repair-town': chain(2 * HOUR, 4 * HOUR, 8 * HOUR),
  'fault-repair-rural': chain(4 * HOUR, 8 * HOUR, 12 * HOUR),
  'record-completion': chain(4 * HOUR, 24 * HOUR),
  'follow-up-call': chain(4 * HOUR, 24 * HOUR),
  'complaint-acknowledgement': chain(30 * MINUTE, HOUR, 2 * HOUR),
  'complaint-resolution': chain(24 * HOUR, 48 * HOUR, 72 * HOUR),
  default: chain(30 * MINUTE, HOUR, 2 * HOUR),
};

export function isChainPolicyId(value: string): value is ChainPolicyId {
  return (CHAIN_POLICY_IDS as readonly string[]).includes(value);
}

export function defaultChain(policyId: ChainPolicyId): EscalationChain {
  return { policyId, steps: DEFAULT_STEPS[policyId], version: BUILTIN_CHAIN_VERSION };
}

/** Standards whose id differs from the policy that times them; every other policy is named after its standard. */
const POLICY_OF_STANDARD: Readonly<Record<string, SlaPolicyId>> = { 'answer-time': 'answer', 'complaint-reply': 'complaint-resolution' };

/** The chain a breach of `standardId` climbs: its policy's, or the default for a standard no policy times. */
export function chainPolicyForStandard(standardId: string): ChainPolicyId {
  const policyId = POLICY_OF_STANDARD[standardId] ?? standardId;
  return isChainPolicyId(policyId) ? policyId : 'default';
}

/** What is wrong with a tenant's chain (empty when none): each issue names the step it is about. */
export function chainIssues(steps: readonly EscalationStep[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (steps.length === 0) issues.push({ path: 'steps', message: 'A chain needs at least one step' });
  steps.forEach((step, i) => {
    if (!Number.isInteger(step.waitSeconds) || step.waitSeconds < 1 || step.waitSeconds > MAX_WAIT_SECONDS) {
      issues.push({ path: `steps.${i}.waitSeconds`, message: `Wait a whole number of seconds from 1 to ${MAX_WAIT_SECONDS}` });
    }
    const previous = steps[i - 1];
    if (previous && ESCALATION_ROLES.indexOf(step.role) <= ESCALATION_ROLES.indexOf(previous.role)) {
      issues.push({ path: `steps.${i}.role`, message: `Each step pages a more senior role than the one before (${ESCALATION_ROLES.join(' → ')})` });
    }
  });
  return issues;
}
