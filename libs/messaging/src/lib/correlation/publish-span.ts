import type { CloudEvent } from '@hotline/contracts';
import { formatTraceparent, parseTraceparent } from './trace-context';
import { exportingSpans, startWorkSpan, type WorkSpan } from './work-span';

/**
 * The PRODUCER span of publishing `event` to `exchange`, a child of the work that wrote it (the
 * event's `traceparent`), and the event as it goes out: naming this span as its parent, so its
 * consumers' spans are children of the publish. When no span is made the event is unchanged.
 */
export function startPublishSpan(event: CloudEvent, exchange: string): { event: CloudEvent; end: WorkSpan['end'] } {
  // Checked first: without a collector a publish costs nothing more than it did.
  if (!exportingSpans()) return { event, end: () => undefined };
  const { traceparent, tracestate } = event as { traceparent?: unknown; tracestate?: unknown };
  const span = startWorkSpan(`publish ${event.type}`, 'producer', parseTraceparent(traceparent, tracestate), {
    'messaging.system': 'rabbitmq',
    'messaging.operation.type': 'send',
    'messaging.destination.name': exchange,
    'messaging.rabbitmq.destination.routing_key': event.type,
    'messaging.message.id': event.id,
    'cloudevents.event_id': event.id,
    'cloudevents.event_type': event.type,
    'hotline.tenant_id': event.tenantid,
  });
  const { tracestate: _stale, ...rest } = event as CloudEvent & { tracestate?: string };
  const stamped = {
    ...rest,
    traceparent: formatTraceparent(span.trace),
    ...(span.trace.tracestate === undefined ? {} : { tracestate: span.trace.tracestate }),
  };
  return { event: stamped as CloudEvent, end: (outcome) => span.end(outcome) };
}
