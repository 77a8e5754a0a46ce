import { z } from 'zod';

/** `?limit=&cursor=` of `GET /v1/admin/tenants/:tenant/standards`: the cursor is the last item's effectiveFrom. */
export const listStandardVersionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.iso.datetime({ offset: true, error: 'cursor is the nextCursor of the previous page' }).optional(),
});
