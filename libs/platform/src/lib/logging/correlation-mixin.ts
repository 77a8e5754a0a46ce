import { CorrelationContext } from '@hotline/messaging';

/** What a log line carries of the current correlation. */
export interface LoggedCorrelation {
  correlationId?: string;
  causationId?: string;
  tenantId?: string;
  /** The W3C trace id and this work's span id, as tracing backends search logs by them. */
  traceId?: string;
  spanId?: string;
}

/**
 * pino mixin adding the current correlation (correlationId, causationId, tenantId, traceId,
 * spanId) to every log line written while handling an HTTP request or a message. The platform's
 * logger uses it; pass it to any other pino logger (`pino({ mixin: correlationMixin })`) to get
 * the same fields.
 */
export function correlationMixin(): LoggedCorrelation {
  const current = CorrelationContext.current();
  if (!current) return {};
  const { trace, ...ids } = current;
  return trace ? { ...ids, traceId: trace.traceId, spanId: trace.spanId } : ids;
}
