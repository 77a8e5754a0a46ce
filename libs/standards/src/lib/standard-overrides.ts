import { z } from 'zod';
import { DAY } from './duration';
import { etiquetteStandardIds, isEtiquetteStandardId, MAX_ETIQUETTE_POINTS } from './etiquette-rules';
import { standardIds, standardKinds, type StandardId } from './standard-ids';

/**
 * A tenant's enterprise standard, one version of it: the changes it makes to the base standards.
 * Written by people (configuration, an admin API), so validated with zod and reported in full.
 *
 * ```json
 * { "tenantId": "acme", "version": "3", "effectiveFrom": "2026-01-01T00:00:00+08:00",
 *   "standards": {
 *     "answer-time": { "kind": "deadline", "seconds": 20 },
 *     "billing-error-rate": { "kind": "ratio", "max": 0.00005 },
 *     "forbidden-phrases": { "kind": "phrases", "add": { "zh": ["你问别人"], "en": ["ask someone else"] }, "points": 20 },
 *     "long-silence": { "kind": "deadline", "seconds": 8 },
 *     "brute-force-attempts": { "kind": "count", "count": 10 } } }
 * ```
 * Each version lists every change the tenant wants from the base, not a change to its previous
 * version: versions do not stack. An etiquette rule's override may also weigh its deduction
 * (`points` per breach, `maxPoints` per contact), heavier than Hotline's defaults only.
 */

/** A sanity bound on any deadline (catches milliseconds entered as seconds): 366 days. */
export const MAX_DEADLINE_SECONDS = 366 * DAY;

/** Tenant versions are short labels ('3', '2026.1', 'q3-rollout'): no ':' or '@' (see `tenantSetVersion`). */
export const TENANT_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

const phrase = z.string().trim().min(1, 'A phrase cannot be empty').max(200);

const phraseAdditions = z
  .strictObject({ zh: z.array(phrase).max(500).optional(), en: z.array(phrase).max(500).optional() })
  .refine((add) => (add.zh?.length ?? 0) + (add.en?.length ?? 0) > 0, 'Add at least one phrase, in zh or en');

/** An etiquette rule's weight: points per breach and at most per contact (heavier than the defaults only: see `applyOverrides`). */
const points = (what: string) =>
  z
    .number()
    .int(`${what} is a whole number of points`)
    .positive(`${what} must be at least 1 point`)
    .max(MAX_ETIQUETTE_POINTS, `${what} cannot exceed ${MAX_ETIQUETTE_POINTS} points`)
    .optional();
const weight = { points: points('A deduction'), maxPoints: points('A deduction cap') };

const deadlineOverride = z.strictObject({
  kind: z.literal('deadline'),
  /** Optional only beside an etiquette weight (checked in `overrideOf`). */
  seconds: z
    .number()
    .int('A deadline is a whole number of seconds')
    .positive('A deadline must be longer than 0 seconds')
    .max(MAX_DEADLINE_SECONDS, `A deadline cannot exceed ${MAX_DEADLINE_SECONDS} seconds (366 days)`)
    .optional(),
  ...weight,
});

const ratioOverride = z.strictObject({
  kind: z.literal('ratio'),
  max: z.number().min(0, 'A ratio is between 0 and 1').max(1, 'A ratio is between 0 and 1'),
});

/** `add` optional only beside an etiquette weight (checked in `overrideOf`). */
const phrasesOverride = z.strictObject({ kind: z.literal('phrases'), add: phraseAdditions.optional(), ...weight });

const countOverride = z
  .strictObject({
    kind: z.literal('count'),
    count: z.number().int('A count is a whole number').positive('A count must be at least 1').max(1_000_000).optional(),
    windowSeconds: z
      .number()
      .int('A window is a whole number of seconds')
      .positive('A window must be longer than 0 seconds')
      .max(MAX_DEADLINE_SECONDS, `A window cannot exceed ${MAX_DEADLINE_SECONDS} seconds (366 days)`)
      .optional(),
  })
  .refine((override) => override.count !== undefined || override.windowSeconds !== undefined, 'Set count, windowSeconds or both');

const example = {
  deadline: "{ kind: 'deadline', seconds: 20 }",
  ratio: "{ kind: 'ratio', max: 0.00005 }",
  phrases: "{ kind: 'phrases', add: { zh: ['…'], en: ['…'] } }",
  count: "{ kind: 'count', count: 10, windowSeconds: 3600 }",
} as const;

/** The override of one standard: an object of that standard's kind, reported as such when it is not. */
const overrideOf = (id: StandardId) => {
  const kind = standardKinds[id];
  const wrongKind = (actual: unknown) =>
    `'${id}' is a ${kind} standard, so its override must have kind '${kind}'` +
    (typeof actual === 'string' ? `, not '${actual}'` : '');
  return z
    .discriminatedUnion('kind', [deadlineOverride, ratioOverride, phrasesOverride, countOverride], {
      error: (issue) => {
        const code: string = issue.code; // zod's declared issue type omits the discriminator's invalid_union
        if (code === 'invalid_type') {
          return `The override of '${id}' (a ${kind} standard) must be an object like ${example[kind]}`;
        }
        const input = issue.input as { kind?: unknown } | undefined;
        return code === 'invalid_union' ? wrongKind(input?.kind) : undefined;
      },
    })
    .superRefine((override, context) => {
      if (override.kind !== kind) {
        context.addIssue({ code: 'custom', path: ['kind'], message: wrongKind(override.kind) });
        return;
      }
      const { points, maxPoints } = override as { points?: number; maxPoints?: number };
      const weighted = points !== undefined || maxPoints !== undefined;
      if (weighted && !isEtiquetteStandardId(id)) {
        const field = points !== undefined ? 'points' : 'maxPoints';
        const message = `'${id}' is no etiquette rule: only ${etiquetteStandardIds.join(', ')} deduct points`;
        context.addIssue({ code: 'custom', path: [field], message });
      }
      if (points !== undefined && maxPoints !== undefined && maxPoints < points) {
        context.addIssue({ code: 'custom', path: ['maxPoints'], message: 'maxPoints (the most a contact loses to this rule) must be at least points' });
      }
      if (override.kind === 'deadline' && override.seconds === undefined && !weighted) {
        context.addIssue({ code: 'custom', path: ['seconds'], message: 'Set seconds (or, for an etiquette rule, points or maxPoints)' });
      }
      if (override.kind === 'phrases' && override.add === undefined && !weighted) {
        context.addIssue({ code: 'custom', path: ['add'], message: 'Add at least one phrase, in zh or en (or, for an etiquette rule, set points or maxPoints)' });
      }
    });
};

export type DeadlineOverride = z.infer<typeof deadlineOverride>;
export type RatioOverride = z.infer<typeof ratioOverride>;
export type PhrasesOverride = z.infer<typeof phrasesOverride>;
export type CountOverride = z.infer<typeof countOverride>;

interface OverrideByKind {
  deadline: DeadlineOverride;
  ratio: RatioOverride;
  phrases: PhrasesOverride;
  count: CountOverride;
}

export type StandardOverride<K extends StandardId = StandardId> = OverrideByKind[(typeof standardKinds)[K]];

/** One version of a tenant's standard (see the file comment). */
export interface StandardOverrides {
  tenantId: string;
  /** The tenant's own label for this version; see `TENANT_VERSION_PATTERN`. */
  version: string;
  /** ISO 8601 date-time with an offset. */
  effectiveFrom: string;
  standards: { [K in StandardId]?: StandardOverride<K> };
}

const overrideSchemas = Object.fromEntries(
  standardIds.map((id) => [id, overrideOf(id).optional()]),
);

/**
 * The structure of a tenant's overrides: known standard ids only, each with its own kind. Whether
 * a value loosens a floor depends on the base it is applied to: `applyOverrides` checks that.
 */
export const standardOverridesSchema = z.strictObject({
  tenantId: z.string().min(1).max(200),
  version: z
    .string()
    .regex(TENANT_VERSION_PATTERN, "A version is 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit"),
  effectiveFrom: z.iso.datetime({
    offset: true,
    error: 'effectiveFrom must be an ISO 8601 date-time with an offset, e.g. 2026-01-01T00:00:00+08:00',
  }),
  standards: z.strictObject(overrideSchemas, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown standard${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map((key) => `'${key}'`).join(', ')}; ` +
          `known standards: ${standardIds.join(', ')}`
        : undefined,
  }),
}) as unknown as z.ZodType<StandardOverrides>;

/** One problem with a tenant's overrides: where (`standards.answer-time.seconds`) and what. */
export interface OverrideIssue {
  path: string;
  message: string;
}

/** A tenant's overrides are malformed or loosen a floor. `issues` lists every problem found. */
export class InvalidStandardOverridesError extends Error {
  constructor(
    readonly issues: readonly OverrideIssue[],
    subject = 'tenant standard overrides',
  ) {
    super(`Invalid ${subject}:\n${issues.map((issue) => `- ${issue.path || '(root)'}: ${issue.message}`).join('\n')}`);
    this.name = 'InvalidStandardOverridesError';
  }
}

/** Validates the structure of a tenant's overrides; throws `InvalidStandardOverridesError` listing every problem. */
export function parseStandardOverrides(input: unknown): StandardOverrides {
  const result = standardOverridesSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    throw new InvalidStandardOverridesError(issues, describeOverrides(input));
  }
  return result.data;
}

/** `overrides 'acme' version '3'` when those can be read, for error messages. */
export function describeOverrides(input: unknown): string {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const tenant = typeof record['tenantId'] === 'string' ? ` for tenant '${record['tenantId']}'` : '';
  const version = typeof record['version'] === 'string' ? ` version '${record['version']}'` : '';
  return `standard overrides${tenant}${version}`;
}
