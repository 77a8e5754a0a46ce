import { CorrelationContext } from './correlation-context';
import { formatTraceparent, parseTraceparent, type TraceContext } from './trace-context';

/**
 * The CloudEvents Distributed Tracing extension's attributes
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/extensions/distributed-tracing.md):
 * `traceparent` names the span that produced the event, so its consumers continue that trace.
 */
export interface TraceAttributes {
  traceparent?: string;
  tracestate?: string;
}

/**
 * `event` stamped with the current work's trace (`trace`, by default the correlation context's),
 * unless it already names a valid trace of its own: a producer's traceparent is kept as it came.
 */
export function traced<E extends object>(event: E, trace: TraceContext | undefined = CorrelationContext.current()?.trace): E & TraceAttributes {
  const own = event as E & TraceAttributes;
  if (!trace || parseTraceparent(own.traceparent)) return own;
  const { tracestate: _stale, ...rest } = own;
  return {
    ...(rest as E),
    traceparent: formatTraceparent(trace),
    ...(trace.tracestate === undefined ? {} : { tracestate: trace.tracestate }),
  };
}
