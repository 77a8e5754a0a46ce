import { z } from 'zod';
import { cursorOf, encodeCursor, storableText } from '../scorecards/scorecard-requests';
import { ACTION_STATES, type ImprovementAction, isOverdue, SOURCE_KINDS } from './domain/improvement-action';

export { encodeCursor };

const id = z.string().trim().min(1).max(200);

/** `POST /v1/improvement-actions`. */
export const createActionRequest = z.strictObject({
  title: storableText(500, 'Say what is to be done'),
  source: z.strictObject({ kind: z.enum(SOURCE_KINDS), id }),
  owner: id,
  dueAt: z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 time with its offset, e.g. 2026-12-01T00:00:00Z' }).transform((t) => new Date(t)),
});

/** `POST /v1/improvement-actions/:actionId/transitions`. */
export const transitionRequest = z.strictObject({ to: z.enum(ACTION_STATES), note: storableText(2000, 'A note, when given, says something').optional() });

export const actionParams = z.strictObject({ actionId: z.uuid('Expected an improvement action id (a UUID)') });

/** `GET /v1/improvement-actions?state=&owner=&sourceKind=&sourceId=&overdue=&limit=&cursor=`. */
export const listActionsQuery = z.strictObject({
  state: z.enum(ACTION_STATES).optional(),
  owner: id.optional(),
  sourceKind: z.enum(SOURCE_KINDS).optional(),
  sourceId: id.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursorOf(z.tuple([z.iso.datetime(), z.uuid()])).optional(),
});

export const actionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  source: z.object({ kind: z.enum(SOURCE_KINDS), id: z.string() }).describe('What it was opened from: an alert, a scorecard (e.g. `a7:2026-11`) or a ledger entry'),
  owner: z.string(),
  dueAt: z.string(),
  state: z.enum(ACTION_STATES),
  overdue: z.boolean().describe('Open or in progress past its due time, as of the response'),
  history: z.array(z.object({ from: z.enum(ACTION_STATES).nullable(), to: z.enum(ACTION_STATES), actor: z.string(), note: z.string().nullable(), at: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionResponse = z.output<typeof actionSchema>;

export const actionPageSchema = z.object({ items: z.array(actionSchema), nextCursor: z.string().nullable() });
export type ActionPage = z.output<typeof actionPageSchema>;

export function actionView(a: ImprovementAction, now: Date): ActionResponse {
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    owner: a.owner,
    dueAt: a.dueAt.toISOString(),
    state: a.state,
    overdue: isOverdue(a, now),
    history: a.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
