import type { IncomingMessage, ServerResponse } from 'node:http';
import { continueTrace, CorrelationContext } from '@hotline/messaging';
import { correlationIdFor } from './correlation-id';

/**
 * Runs the rest of the request inside CorrelationContext, so logs, the auth guard and messages
 * published while handling it all see the correlation id and the W3C trace: the caller's
 * `traceparent` (and `tracestate`) continued with a span of the request's own, else a new trace.
 * Applied as module middleware, i.e. after the body parsers: an AsyncLocalStorage context entered
 * before them would be lost, because the body arrives through socket events that belong to no request.
 */
export function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const trace = continueTrace(req.headers['traceparent'], req.headers['tracestate']);
  CorrelationContext.run({ correlationId: correlationIdFor(req, res), trace }, next);
}
