import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { label, timestamp } from '../fields';

/**
 * One standard's override in a tenant version, described loosely: `libs/standards` owns its exact
 * shape (a deadline's `seconds`, a ratio's `max`, phrases to `add`) and validates it on both sides,
 * and the contracts import nothing of ours (DESIGN decisions 1 and 11).
 */
const standardOverride = z.looseObject({ kind: label() });

export const standardsPublished = defineEvent({
  type: 'standards.published',
  version: '1',
  description:
    "Intake published a version of the tenant's standards (the envelope's tenantid): the overrides it makes to the " +
    'built-in standards, in force from effectiveFrom (MANUAL.md ch. 1.3 and 8, DESIGN decision 11). Versions are immutable.',
  publishedBy: 'intake',
  data: z.looseObject({
    /** The tenant's label for the version, e.g. '3' or '2026.1'. */
    version: z.string().min(1).max(40),
    effectiveFrom: timestamp(),
    /** By standard id, e.g. `{ "answer-time": { "kind": "deadline", "seconds": 20 } }`. */
    standards: z.record(z.string().min(1).max(200), standardOverride),
  }),
});
