import type { Request, Response } from 'express';
import { parseTraceparent, startWorkSpan, type TraceContext } from '@hotline/messaging';
import { routePattern } from '../metrics/route-pattern';

/**
 * The SERVER span of an HTTP request, the child of the caller's `traceparent` (else the root of a
 * new trace), ended when the response is done or the connection drops. Its ids are the request's
 * trace context. Named by route template, never by URL: URLs carry ids (and cardinality).
 */
export function startRequestSpan(req: Request, res: Response): TraceContext {
  const parent = parseTraceparent(req.headers['traceparent'], req.headers['tracestate']);
  const span = startWorkSpan(req.method, 'server', parent, { 'http.request.method': req.method });
  if (span.exported) {
    res.once('close', () => {
      const route = routePattern(req);
      const matched = route !== 'unmatched';
      // A caller that hung up before the response was sent got no status code.
      const status = res.headersSent ? res.statusCode : undefined;
      span.end({
        ...(matched ? { name: `${req.method} ${route}` } : {}),
        attributes: { ...(status === undefined ? {} : { 'http.response.status_code': status }), ...(matched ? { 'http.route': route } : {}) },
        // A 4xx is the caller's mistake, not the server's (OpenTelemetry's HTTP conventions).
        ...(status !== undefined && status >= 500 ? { failure: `HTTP ${status}` } : {}),
      });
    });
  }
  return span.trace;
}
