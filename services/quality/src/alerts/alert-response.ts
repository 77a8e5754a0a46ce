import { z } from 'zod';
import type { Alert, HistoryEntry } from './domain/alert';

const actor = z.object({ id: z.string(), kind: z.string(), roles: z.array(z.string()).optional() });
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const alertHistorySchema = z.object({
  at: z.string(),
  kind: z.string(),
  actor: actor.optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
  published: z.string().optional(),
});

export const alertSchema = z.object({
  alertId: z.string(),
  ruleId: z.string(),
  scope: z.string(),
  kind: z.string(),
  severity: z.string(),
  summary: z.string(),
  labels: z.record(z.string(), z.string()),
  groupKey: z.string(),
  state: z.enum(['raised', 'acknowledged', 'resolved']),
  silencedBy: z.string().nullable(),
  inhibitedBy: z.string().nullable(),
  paged: z.boolean(),
  groupedUnder: z.string().nullable(),
  count: z.number(),
  escalationLevel: z.number(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  windowSeconds: z.number().nullable(),
  standardId: z.string().nullable(),
  standardVersion: z.string().nullable(),
  clause: z.string().nullable(),
  startsAt: z.string(),
  lastSeenAt: z.string(),
  clearedSince: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: actor.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: actor.nullable(),
  history: z.array(alertHistorySchema).optional(),
});
export type AlertResponse = z.output<typeof alertSchema>;

export const alertPageSchema = z.object({ items: z.array(alertSchema), nextCursor: z.string().nullable() });
export type AlertPage = z.output<typeof alertPageSchema>;

export function toAlertResponse(a: Alert, history?: readonly HistoryEntry[]): AlertResponse {
  return {
    alertId: a.alertId,
    ruleId: a.ruleId,
    scope: a.scope,
    kind: a.kind,
    severity: a.severity,
    summary: a.summary,
    labels: { ...a.labels },
    groupKey: a.groupKey,
    state: a.state,
    silencedBy: a.silencedBy,
    inhibitedBy: a.inhibitedBy,
    paged: a.paged,
    groupedUnder: a.leaderId,
    count: a.count,
    escalationLevel: a.escalationLevel,
    value: a.value,
    threshold: a.threshold,
    windowSeconds: a.windowSeconds,
    standardId: a.standardId,
    standardVersion: a.standardVersion,
    clause: a.clause,
    startsAt: new Date(a.startsAt).toISOString(),
    lastSeenAt: new Date(a.lastSeenAt).toISOString(),
    clearedSince: iso(a.clearedSince),
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    resolvedAt: iso(a.resolvedAt),
    resolvedBy: a.resolvedBy,
    ...(history ? { history: history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })) } : {}),
  };
}
