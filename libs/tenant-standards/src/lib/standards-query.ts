import { z } from 'zod';

/** `GET /v1/standards?at=`: the instant to resolve at (default now). */
export const standardsQuery = z.strictObject({
  at: z.iso
    .datetime({ offset: true, error: 'at is an ISO 8601 date-time with an offset, e.g. 2026-01-01T00:00:00+08:00' })
    .optional(),
});
