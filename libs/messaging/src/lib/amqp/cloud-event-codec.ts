import type { Options } from 'amqplib';
import type { CloudEvent } from '@hotline/contracts';

/**
 * CloudEvents over AMQP in structured mode: the whole CloudEvent is the JSON body, so an event
 * read off a dead-letter queue or a log is complete on its own. AMQP properties repeat the id and
 * type so tooling (management UI, shovels) can see them without parsing the body.
 */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

export function encodeCloudEvent(event: CloudEvent): { content: Buffer; options: Options.Publish } {
  return {
    content: Buffer.from(JSON.stringify(event)),
    options: {
      persistent: true,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      messageId: event.id,
      type: event.type,
      timestamp: Math.floor(Date.parse(event.time) / 1000) || undefined,
      correlationId: event.correlationid,
      headers: { 'x-tenant-id': event.tenantid },
    },
  };
}

/** Parses a message body; throws on malformed JSON (the caller dead-letters such a message). */
export function decodeBody(content: Buffer): unknown {
  return JSON.parse(content.toString('utf8'));
}
