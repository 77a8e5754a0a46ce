import { z } from 'zod';
import { caseType } from '@hotline/contracts';
import { cursorParameter } from '../cases/page-cursor';

const label = () => z.string().trim().min(1).max(200);
const labels = (max: number) => z.array(label()).max(max).default([]);

/** `:agentId`, `:teamId`. */
export const idParameter = (name: string) => z.strictObject({ [name]: z.string().min(1).max(200) });

/** `PUT /v1/agents/:agentId`: the agent's profile; from then on status events change its status only. */
export const agentRequest = z.strictObject({
  team: label().nullable().default(null),
  skills: labels(200),
  languages: labels(50),
  regions: labels(200),
});

/** `PUT /v1/teams/:teamId`: what every member of the team counts as having. */
export const teamRequest = z.strictObject({
  name: label().nullable().default(null),
  skills: labels(200),
  languages: labels(50),
  regions: labels(200),
});

const match = z.strictObject({
  caseType: caseType.optional(),
  category: label().optional(),
  priority: z.enum(['P1', 'P2', 'P3', 'P4']).optional(),
  region: label().optional(),
});

const requirement = z.strictObject({
  team: label().optional(),
  skills: z.array(label()).max(50).optional(),
  languages: z.array(label()).max(20).optional(),
  region: label().optional(),
});

/** `PUT /v1/routing/rules`: the tenant's rules in order; the first whose `match` fits a case decides its `require`. */
export const rulesRequest = z.strictObject({
  rules: z.array(z.strictObject({ match, require: requirement })).max(200),
});

/** `GET /v1/agents?limit=&cursor=`. */
export const listAgentsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorParameter(z.tuple([z.string()])).optional(),
});

/** `POST /v1/cases/:caseId/assignment`: who takes the case, by a supervisor's decision. */
export const reassignRequest = z.strictObject({ agentId: z.string().min(1).max(200) });
