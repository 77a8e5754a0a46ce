import type { Options } from 'amqplib';
import type { CloudEvent } from '@hotline/contracts';
import { UnpublishableEvent } from './unpublishable-event';

/**
 * CloudEvents over AMQP in structured mode: the whole CloudEvent is the JSON body, so an event
 * read off a dead-letter queue or a log is complete on its own. AMQP properties repeat the id and
 * type so tooling (management UI, shovels) can see them without parsing the body.
 *
 * The properties are a convenience and must never stop a publish: amqplib throws on a negative
 * timestamp or a short string over 255 bytes, and that throw stalls the confirm channel. So a
 * property that does not fit is left out (the body still holds it); only what the broker cannot do
 * without, the routing key, makes an event unpublishable.
 */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** AMQP 0-9-1 `shortstr`: at most 255 bytes of UTF-8. */
const SHORTSTR_MAX_BYTES = 255;
/** Latest timestamp we put in a property: 9999-12-31, far inside AMQP's unsigned 64-bit seconds. */
const MAX_TIMESTAMP_SECONDS = 253_402_300_799;

export function encodeCloudEvent(event: CloudEvent): { content: Buffer; options: Options.Publish } {
  const routingKey = routingKeyOf(event);
  return {
    content: Buffer.from(JSON.stringify(event)),
    options: {
      persistent: true,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      messageId: shortString(event.id),
      type: routingKey,
      timestamp: timestampSeconds(event.time),
      correlationId: shortString(event.correlationid),
      headers: headersOf(event),
    },
  };
}

/** The tenant and, for tracing tools that read AMQP headers, the event's W3C trace context. */
function headersOf(event: CloudEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof event.tenantid === 'string') headers['x-tenant-id'] = event.tenantid;
  const { traceparent, tracestate } = event as { traceparent?: unknown; tracestate?: unknown };
  if (typeof traceparent === 'string') headers['traceparent'] = traceparent;
  if (typeof tracestate === 'string') headers['tracestate'] = tracestate;
  return headers;
}

/** The routing key is the event type; without a usable one the event cannot be routed at all. */
export function routingKeyOf(event: unknown): string {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new UnpublishableEvent('the outbox payload is not a JSON object');
  }
  const type = (event as { type?: unknown }).type;
  if (typeof type !== 'string' || type.length === 0) throw new UnpublishableEvent('the event has no type to route by');
  if (shortString(type) === undefined) {
    throw new UnpublishableEvent(`the event type is ${Buffer.byteLength(type)} bytes; an AMQP routing key holds at most ${SHORTSTR_MAX_BYTES}`);
  }
  return type;
}

function shortString(value: unknown): string | undefined {
  return typeof value === 'string' && Buffer.byteLength(value) <= SHORTSTR_MAX_BYTES ? value : undefined;
}

/** Whole seconds since 1970 when `time` is a date AMQP can carry; otherwise no timestamp. */
function timestampSeconds(time: unknown): number | undefined {
  const seconds = typeof time === 'string' ? Math.floor(Date.parse(time) / 1000) : NaN;
  return Number.isSafeInteger(seconds) && seconds >= 0 && seconds <= MAX_TIMESTAMP_SECONDS ? seconds : undefined;
}

/** Parses a message body, keeping its text; throws on malformed JSON (the caller dead-letters such a message). */
export function decodeBody(content: Buffer): { body: unknown; json: string } {
  const json = content.toString('utf8');
  return { body: JSON.parse(json), json };
}
