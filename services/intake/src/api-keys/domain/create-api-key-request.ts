import { z } from 'zod';
import { unstorableTextReason } from '@hotline/contracts';
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES } from './api-key-scopes';

const scope = z.enum(API_KEY_SCOPES, {
  error: (issue) => `Unknown scope ${JSON.stringify(issue.input)}: use ${API_KEY_SCOPES.join(' or ')}`,
});

/** Body of `POST /v1/admin/tenants/:tenantId/api-keys`; an unknown field is reported, not ignored. */
export const createApiKeyRequest = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !unstorableTextReason(name), { message: 'Must not contain NUL or a lone UTF-16 surrogate' }),
  scopes: z
    .array(scope)
    .min(1, 'A key needs at least one scope; leave scopes out for the default')
    .transform((scopes) => [...new Set(scopes)])
    .default([...DEFAULT_API_KEY_SCOPES]),
});

export type CreateApiKeyRequest = z.output<typeof createApiKeyRequest>;
