import { z } from 'zod';

const windowSeconds = z.number().int().min(60).max(3600).multipleOf(60).default(300);
const scope = z.enum(['queue', 'tenant', 'both']).default('both');
const labelName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'a label name: letters, digits, underscore');

/** Conditions that can never fire, or fire on an empty window, are refused (422 naming the field). */
const kpiThreshold = z
  .strictObject({
    kind: z.literal('kpi-threshold'),
    metric: z.enum(['serviceLevel', 'abandonmentRate']),
    target: z.number().gt(0, 'a target of 0 can never be crossed').lt(1, 'a target of 1 or more is always (or never) crossed').default(0.8),
    windowSeconds,
    minVolume: z.number().int().min(1, 'at least 1: an empty window must not fire').max(100_000).default(20),
    scope,
  });

const suddenChange = z.strictObject({
  kind: z.literal('sudden-change'),
  metric: z.enum(['offered', 'abandonmentRate']),
  factor: z.number().gt(1, 'a factor of 1 or less fires on no change at all').max(1000),
  direction: z.enum(['rise', 'fall']).default('rise'),
  windowSeconds,
  minVolume: z.number().int().min(1, 'at least 1: an empty window must not fire').max(100_000).default(20),
  scope,
});

const slaBreach = z.strictObject({
  kind: z.literal('sla-breach'),
  slaKinds: z.array(z.enum(['answer', 'response', 'resolution', 'record', 'follow_up', 'complaint_reply', 'repair'])).max(10).default([]),
  subjectTypes: z.array(z.enum(['contact', 'case', 'complaint', 'incident'])).max(10).default([]),
  priorities: z.array(z.enum(['P1', 'P2', 'P3', 'P4'])).max(4).default([]),
});

const lowScore = z.strictObject({
  kind: z.literal('low-score'),
  below: z.number().gt(0, 'no score is under 0: it could never fire').max(100, 'every score is under more than 100: it would always fire'),
});

/** `PUT /v1/alert-rules/:ruleId`'s body. */
export const alertRuleBody = z
  .strictObject({
    enabled: z.boolean().default(true),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    summary: z.string().min(1).max(500).optional(),
    condition: z.discriminatedUnion('kind', [kpiThreshold, suddenChange, slaBreach, lowScore]),
    groupBy: z.array(labelName).max(10).default(['rule']),
    resolveAfterSeconds: z.number().int().min(0).max(86_400).default(300),
    escalateAfterSeconds: z.number().int().min(1).max(86_400).optional(),
    maxEscalationLevel: z.number().int().min(0).max(10).default(3),
  })
  .superRefine((rule, ctx) => {
    if (rule.escalateAfterSeconds !== undefined && rule.maxEscalationLevel === 0) {
      ctx.addIssue({ code: 'custom', path: ['maxEscalationLevel'], message: 'escalateAfterSeconds needs at least one level' });
    }
  });

export const ruleIdParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and hyphens, up to 63');
