import { z } from 'zod';
import { cursorParameter } from '../cases/page-cursor';
import { OUTAGE_SEVERITIES } from './domain/outage';

/** `POST /v1/outages`: a person declares a major outage in a region. */
export const declareOutageRequest = z.strictObject({
  region: z.string().trim().min(1).max(200),
  severity: z.enum(OUTAGE_SEVERITIES, 'An outage is major or critical; a minor fault is a case of its own'),
  description: z.string().trim().min(1).max(2000),
  kind: z.enum(['network', 'equipment']).default('network'),
});

/** `POST /v1/outages/:id/resolution`: how it was resolved (each child's move records the outage as its reason). */
export const resolveOutageRequest = z.strictObject({
  reason: z.string().trim().min(1, 'Say how the outage was resolved').max(2000),
});

/** `GET /v1/outages?state=&limit=&cursor=`. */
export const listOutagesQuery = z.strictObject({
  state: z.enum(['open', 'resolved', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorParameter(z.tuple([z.iso.datetime(), z.string()])).optional(),
});
