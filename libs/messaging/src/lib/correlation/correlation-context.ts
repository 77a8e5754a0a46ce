import { AsyncLocalStorage } from 'node:async_hooks';
import { continueTrace, parseTraceparent, type TraceContext } from './trace-context';
import { startWorkSpan, type WorkSpan } from './work-span';

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
  return causedBy(event, continueTrace(traceparent, tracestate));
}

/**
 * `correlationOf` with the CONSUMER span of handling `event` on `queue` (exported when spans are):
 * the correlation's trace is the span's own, so the handler's logs and the events it publishes
 * name it. The caller ends the span once the handling is settled.
 */
export function handlingOf(
  event: { id: string; type: string; correlationid?: string; tenantid: string },
  queue: string,
): { correlation: Correlation; span: WorkSpan } {
  const { traceparent, tracestate } = event as { traceparent?: unknown; tracestate?: unknown };
  const span = startWorkSpan(`process ${queue}`, 'consumer', parseTraceparent(traceparent, tracestate), {
    'messaging.system': 'rabbitmq',
    'messaging.operation.type': 'process',
    'messaging.destination.name': queue,
    'messaging.message.id': event.id,
    'cloudevents.event_id': event.id,
    'cloudevents.event_type': event.type,
    'hotline.tenant_id': event.tenantid,
  });
  return { correlation: causedBy(event, span.trace), span };
}

function causedBy(event: { id: string; correlationid?: string; tenantid: string }, trace: TraceContext): Correlation {
  return { correlationId: event.correlationid ?? event.id, causationId: event.id, tenantId: event.tenantid, trace };
}
