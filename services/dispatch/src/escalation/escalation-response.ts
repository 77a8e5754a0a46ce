import { z } from 'zod';
import { CHAIN_POLICY_IDS, ESCALATION_ROLES, type EscalationChain } from './domain/escalation-chain';
import type { Escalation } from './domain/escalation';

const step = z.object({ role: z.enum(ESCALATION_ROLES), waitSeconds: z.number().int() });

/** `GET /v1/escalation-chains/:policyId` and the answer to its PUT. */
export const chainSchema = z.object({
  policyId: z.enum(CHAIN_POLICY_IDS),
  steps: z.array(step),
  version: z.string().describe('`builtin`, or `tenant:<revision>` once your tenant set its own'),
});

/** A case's escalation: the answer to `POST …/escalations`, `POST …/escalation/acknowledge` and `GET …/escalation`. */
export const escalationSchema = z.object({
  caseId: z.string(),
  level: z.number().int().min(0).describe('0 until escalated'),
  state: z.enum(['none', 'paging', 'acknowledged', 'stopped']).describe('paging: the level is paged and awaits an acknowledgement'),
  pagedRole: z.enum(ESCALATION_ROLES).nullable(),
  nextAt: z.iso.datetime().nullable().describe('When the next level is paged unless acknowledged'),
  note: z.string().nullable().describe('Why it stopped, or who acknowledged it'),
  policyId: z.enum(CHAIN_POLICY_IDS).nullable(),
  steps: z.array(step),
  standardId: z.string().nullable(),
  standardVersion: z.string().nullable(),
});

export type EscalationResponse = z.output<typeof escalationSchema>;
export type ChainResponse = z.output<typeof chainSchema>;

export function toEscalationResponse(caseId: string, level: number, escalation: Escalation | undefined): EscalationResponse {
  if (!escalation) return { caseId, level, state: 'none', pagedRole: null, nextAt: null, note: null, policyId: null, steps: [], standardId: null, standardVersion: null };
  const { state, steps, nextAt, note, policyId, standard } = escalation;
  return {
    caseId,
    level,
    state,
    pagedRole: steps[level - 1]?.role ?? null,
    nextAt: nextAt?.toISOString() ?? null,
    note,
    policyId,
    steps: [...steps],
    ...standard,
  };
}

export function toChainResponse({ policyId, steps, version }: EscalationChain): ChainResponse {
  return { policyId, steps: [...steps], version };
}
