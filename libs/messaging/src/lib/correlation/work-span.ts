import { type Attributes, createTraceState, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { childSpan, newTrace, type TraceContext } from './trace-context';

/**
 * The span of one piece of work (an HTTP request, a handled event, a publish), when spans are
 * exported. Its ids are the work's trace context: what logs carry as traceId/spanId and what the
 * work passes on as `traceparent`, so a log line finds its span and a child names it as parent.
 */
export interface WorkSpan {
  readonly trace: TraceContext;
  /** Whether a tracer made the span (it is exported unless sampled out); false means `end` does nothing. */
  readonly exported: boolean;
  /** Ends the span; a `failure` marks it as an error. */
  end(outcome?: { name?: string; attributes?: Attributes; failure?: unknown }): void;
}

export type WorkSpanKind = 'server' | 'consumer' | 'producer';

const KINDS: Record<WorkSpanKind, SpanKind> = { server: SpanKind.SERVER, consumer: SpanKind.CONSUMER, producer: SpanKind.PRODUCER };
/** A failure's message is kept short: the span is a pointer to the logs, not a copy of them. */
const MAX_STATUS_MESSAGE = 300;

let tracer: Tracer | undefined;

/**
 * The tracer work spans are made with: set by the platform's startTracing when a collector is
 * configured, cleared when export stops. Unset, no span is made and ids are generated as before.
 */
export function exportSpansWith(next: Tracer | undefined): void {
  tracer = next;
}

/** Whether work spans are being made (a collector is configured). */
export function exportingSpans(): boolean {
  return tracer !== undefined;
}

/** Starts the span of a piece of work, the child of `parent` (a remote span) or the root of a new trace. */
export function startWorkSpan(name: string, kind: WorkSpanKind, parent: TraceContext | undefined, attributes: Attributes): WorkSpan {
  if (!tracer) return { trace: parent ? childSpan(parent) : newTrace(), exported: false, end: () => undefined };
  const context = parent ? trace.setSpanContext(ROOT_CONTEXT, remoteSpanContext(parent)) : ROOT_CONTEXT;
  const span = tracer.startSpan(name, { kind: KINDS[kind], attributes, root: !parent }, context);
  const { traceId, spanId, traceFlags } = span.spanContext();
  return {
    trace: {
      traceId,
      spanId,
      flags: traceFlags.toString(16).padStart(2, '0'),
      ...(parent?.tracestate === undefined ? {} : { tracestate: parent.tracestate }),
    },
    exported: true,
    end: (outcome = {}) => endSpan(span, outcome),
  };
}

function endSpan(span: Span, { name, attributes, failure }: Parameters<WorkSpan['end']>[0] & object): void {
  if (name) span.updateName(name);
  if (attributes) span.setAttributes(attributes);
  if (failure !== undefined) {
    const message = failure instanceof Error ? failure.message : String(failure);
    span.setStatus({ code: SpanStatusCode.ERROR, message: message.slice(0, MAX_STATUS_MESSAGE) });
  }
  span.end();
}

function remoteSpanContext(parent: TraceContext) {
  return {
    traceId: parent.traceId,
    spanId: parent.spanId,
    traceFlags: parseInt(parent.flags, 16),
    isRemote: true,
    ...(parent.tracestate === undefined ? {} : { traceState: createTraceState(parent.tracestate) }),
  };
}
