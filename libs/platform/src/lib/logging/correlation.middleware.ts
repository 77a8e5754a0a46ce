import type { Request, Response } from 'express';
import { CorrelationContext } from '@hotline/messaging';
import { startRequestSpan } from '../tracing/request-span';
import { correlationIdFor } from './correlation-id';

/**
 * Runs the rest of the request inside CorrelationContext, so logs, the auth guard and messages
 * published while handling it all see the correlation id and the W3C trace: the caller's
 * `traceparent` (and `tracestate`) continued with a span of the request's own, else a new trace
 * (the exported SERVER span, when spans are exported).
 * Applied as module middleware, i.e. after the body parsers: an AsyncLocalStorage context entered
 * before them would be lost, because the body arrives through socket events that belong to no request.
 */
export function correlationMiddleware(req: Request, res: Response, next: () => void): void {
  const trace = startRequestSpan(req, res);
  CorrelationContext.run({ correlationId: correlationIdFor(req, res), trace }, next);
}
