import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's correlation id is kept only when short and plain, so it is safe in headers and logs. */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_CORRELATION_ID.test(value);
}

/**
 * The request's correlation id: the caller's X-Correlation-Id when valid, else a new UUID. It is
 * decided once per request, kept as `req.id` (where pino-http looks for it) and echoed in the response.
 */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const requested = req.headers['x-correlation-id'];
  const correlationId = isValidCorrelationId(requested) ? requested : randomUUID();
  req.id = correlationId;
  res.setHeader(CORRELATION_ID_HEADER, correlationId);
  return correlationId;
}
