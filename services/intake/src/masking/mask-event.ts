import type { CloudEvent } from '@hotline/contracts';
import { maskData } from './mask-data';

/**
 * The event as it may be stored and published: personal data in its `data` masked, and what was
 * masked (paths, kinds, counts; never values) recorded in `data.redactions`, which only intake
 * sets: a `redactions` field sent by a client is dropped.
 */
export function maskEvent<E extends CloudEvent>(event: E): E {
  const { redactions: _fromClient, ...data } = event.data as Record<string, unknown>;
  const masked = maskData(data);
  const maskedData = masked.redactions.length > 0 ? { ...(masked.data as object), redactions: masked.redactions } : masked.data;
  return { ...event, data: maskedData };
}
