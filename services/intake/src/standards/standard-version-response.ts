import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { StandardVersionView } from './standard-versions.repository';

const instant = z.iso.datetime({ offset: true });

/** One kept version of a tenant's standards, as the admin routes answer it. */
export const standardVersionSchema = z.object({
  tenantId: z.string(),
  version: z.string(),
  effectiveFrom: instant,
  standards: z.record(z.string(), z.looseObject({ kind: z.enum(['deadline', 'ratio', 'phrases', 'count']) })).describe("The tenant's changes to the built-in standards"),
  publishedAt: instant,
});

/** `GET /v1/admin/tenants/:tenant/standards`: a page of versions in effective order. */
export const standardVersionPageSchema = z.object({
  items: z.array(standardVersionSchema),
  nextCursor: z.string().nullable(),
});

export type StandardVersionResponse = z.output<typeof standardVersionSchema>;

// Compile-time: what the service returns, sent as JSON, is what the schema documents.
const _matches = (view: JsonOf<StandardVersionView>): StandardVersionResponse => view;
