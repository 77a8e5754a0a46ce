import { CorrelationContext, type Correlation } from '@hotline/messaging';

/**
 * pino mixin adding the current correlation (correlationId, causationId, tenantId) to every log
 * line written while handling an HTTP request or a message. The platform's logger uses it; pass it
 * to any other pino logger (`pino({ mixin: correlationMixin })`) to get the same fields.
 */
export function correlationMixin(): Partial<Correlation> {
  return { ...CorrelationContext.current() };
}
