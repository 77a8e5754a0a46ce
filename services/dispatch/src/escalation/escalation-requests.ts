import { z } from 'zod';
import { chainIssues, ESCALATION_ROLES, MAX_WAIT_SECONDS } from './domain/escalation-chain';

/** `POST /v1/cases/:caseId/escalations`: why the case needs the next level (published and audited). */
export const escalateRequest = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the case needs the next level').max(2000),
});

/** `PUT /v1/escalation-chains/:policyId`: the steps, most junior first, each with its wait. */
export const chainRequest = z
  .strictObject({
    steps: z
      .array(
        z.strictObject({
          role: z.enum(ESCALATION_ROLES),
          waitSeconds: z.number().int().min(1).max(MAX_WAIT_SECONDS).describe('How long this level has to acknowledge before the next is paged'),
        }),
      )
      .min(1)
      .max(ESCALATION_ROLES.length),
  })
  .superRefine(({ steps }, ctx) => {
    for (const issue of chainIssues(steps)) ctx.addIssue({ code: 'custom', path: issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: issue.message });
  });
