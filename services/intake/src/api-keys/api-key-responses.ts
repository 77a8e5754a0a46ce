import { z } from 'zod';
import type { JsonOf } from '@hotline/platform';
import type { ApiKeyView, CreatedApiKey } from './api-keys.service';

const timestamp = z.iso.datetime();

/** An API key as listed: never the key or its hash. */
export const apiKeyViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to recognise it by'),
  scopes: z.array(z.string()),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

/** A key just created: the only time the key itself is ever returned. */
export const createdApiKeySchema = z.object({
  id: z.uuid(),
  tenantId: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: timestamp,
  key: z.string().describe('The API key (`hlk_…`): shown this once only'),
});

// Compile-time: what the service returns, sent as JSON, is what these schemas document.
const _viewMatches = (view: JsonOf<ApiKeyView>): z.output<typeof apiKeyViewSchema> => view;
const _createdMatches = (created: JsonOf<CreatedApiKey>): z.output<typeof createdApiKeySchema> => created;
