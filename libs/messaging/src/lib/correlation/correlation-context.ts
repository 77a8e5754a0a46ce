import { AsyncLocalStorage } from 'node:async_hooks';
import { continueTrace, type TraceContext } from './trace-context';

/** The ids that follow one piece of work from an HTTP request to the messages it causes and their handlers. */
export interface Correlation {
  correlationId: string;
  /** Id of the event being handled, when the work is a message handler. */
  causationId?: string;
  tenantId?: string;
  /** The W3C trace this work belongs to, with its own span id (see trace-context). */
  trace?: TraceContext;
}

const storage = new AsyncLocalStorage<Correlation>();

export const CorrelationContext = {
  run<T>(correlation: Correlation, fn: () => T): T {
    return storage.run(correlation, fn);
  },
  current(): Correlation | undefined {
    return storage.getStore();
  },
};

/**
 * The correlation a handler of `event` runs in: the event's own correlation id (else its id),
 * caused by it, in a span of its own of the trace the event's `traceparent` names (else a new trace).
 */
export function correlationOf(event: { id: string; correlationid?: string; tenantid: string }): Correlation {
  const { traceparent, tracestate } = event as { traceparent?: unknown; tracestate?: unknown };
  return {
    correlationId: event.correlationid ?? event.id,
    causationId: event.id,
    tenantId: event.tenantid,
    trace: continueTrace(traceparent, tracestate),
  };
}
