import { z } from 'zod';
import { timeOutOfRange } from './time-range';

/**
 * Field schemas shared by the envelope and the event catalogue, so one rule is written once.
 */

/**
 * A schema-level error message for a value that is present but wrong; a missing value keeps the
 * generic "Required" wording.
 */
export const unlessMissing =
  (message: string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message;

/**
 * An RFC 3339 timestamp with seconds and an explicit offset (`Z` or `+08:00`), naming a real
 * calendar date (the format check already refuses `2026-02-30` and `2026-04-31`), at or after
 * 1970-01-01T00:00:00Z and before 2100-01-01T00:00:00Z (see `time-range.ts`). The range is a
 * refinement, so the published JSON Schema (`format: date-time`) does not change.
 */
export const timestamp = () =>
  z.iso
    .datetime({
      offset: true,
      error: unlessMissing('Expected an ISO 8601 / RFC 3339 timestamp with an offset, e.g. 2025-01-31T09:30:00+08:00'),
    })
    .check((ctx) => {
      if (ctx.issues.length > 0) return; // malformed: the format check has said so
      const problem = timeOutOfRange(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    });

/** An identifier chosen by someone else (a platform's contact id, our case id): 1..200 characters. */
export const identifier = () => z.string().min(1).max(200);

/** Short free text (a queue name, a region, a category). */
export const label = () => z.string().min(1).max(200);

/** Long free text (a summary, a description, a comment). Required texts add `.min(1)`. */
export const text = () => z.string().max(10_000);

/** Priority and severity grades used across the manual: P1 is the most urgent. */
export const priority = () => z.enum(['P1', 'P2', 'P3', 'P4']);

/** A count or a millisecond offset, never negative. */
export const nonNegativeInt = () => z.number().int().min(0);

/** A duration in seconds, never negative; fractions allowed (platforms differ). */
export const seconds = () => z.number().min(0);

/** Which standard a verdict applied (MANUAL.md ch. 8: every judgement records it). */
export const standardId = () => label();

/** Which version of that standard: an opaque string such as '3' or '2025-01'. */
export const standardVersion = () => z.string().min(1).max(100);

/**
 * Refinement option: run an object-level check even when some fields already failed, so a client
 * gets every problem in one answer (zod skips refinements after a failure by default).
 */
export const evenIfOtherFieldsFail = {
  when: (payload: { value: unknown }): boolean =>
    typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
};

/**
 * What intake masked in an event's data before storing or publishing it: kinds and counts, never
 * values, with the path of the field (e.g. `segments.3.text`, so Security can tell an agent who
 * read a customer's card number aloud). Set by intake; integrators do not send it.
 */
export const redactions = () =>
  z
    .array(
      z.looseObject({
        path: z.string().max(500),
        kind: z.enum(['id_card', 'bank_card', 'mobile', 'landline', 'email', 'name', 'location']),
        count: z.number().int().min(1),
      }),
    )
    .max(10_000)
    .optional();

/** Who did something: a person (by their token's subject) or a Hotline service acting on its own. */
export const actor = () =>
  z.looseObject({
    id: identifier(),
    kind: z.enum(['user', 'api_key', 'service']),
    roles: z.array(label()).max(20).optional(),
  });
