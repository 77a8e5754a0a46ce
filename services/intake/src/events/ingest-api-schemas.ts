import type { SchemaObject } from '@nestjs/swagger';
import { catalogue, incomingEventSchema, type PlatformEventType, platformEventTypes } from '@hotline/contracts';
import { namedApiSchema, zodApiSchema } from '@hotline/platform';
import { MAX_EVENTS_PER_REQUEST } from '../ingest/domain/ingest-batch';
import { ingestResultSchema } from '../ingest/domain/ingest-result-schema';

/**
 * The schemas of `POST /v1/events` and of what ingesting routes answer, generated from the zod
 * definitions intake validates with (the contracts' envelope and each platform event type's data).
 */

/** `contact.queued` → `ContactQueued`, `agent.status_changed` → `AgentStatusChanged`. */
function pascalCase(type: string): string {
  return type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

const envelope = zodApiSchema(incomingEventSchema, 'input', 'IncomingEventEnvelope');

/** One platform event type: the envelope, with `type` fixed and `data` that type's schema. */
function eventOfType(type: PlatformEventType): SchemaObject {
  const name = pascalCase(type);
  return namedApiSchema(`${name}Event`, {
    description: catalogue[type].description,
    allOf: [
      envelope,
      {
        type: 'object',
        required: ['type', 'data'],
        properties: {
          type: { type: 'string', enum: [type] },
          data: zodApiSchema(catalogue[type].data, 'input', `${name}Data`),
        },
      },
    ],
  });
}

/** One event a platform may post, of any platform type (told apart by `type`). */
export const incomingEventApiSchema = namedApiSchema('IncomingEvent', {
  description: 'A platform event: CloudEvents 1.0 structured JSON; `tenantid` is never sent (the API key decides the tenant)',
  oneOf: platformEventTypes.map(eventOfType),
  discriminator: {
    propertyName: 'type',
    mapping: Object.fromEntries(platformEventTypes.map((type) => [type, `#/components/schemas/${pascalCase(type)}Event`])),
  },
});

const batchOfEvents: SchemaObject = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_EVENTS_PER_REQUEST,
  items: incomingEventApiSchema,
};

/** The body of `POST /v1/events` in structured mode: one event, `{"events": [...]}`, or an array of events. */
export const ingestRequestApiSchema = namedApiSchema('IngestRequest', {
  oneOf: [
    incomingEventApiSchema,
    namedApiSchema('IncomingEventBatch', { type: 'object', required: ['events'], properties: { events: batchOfEvents } }),
    namedApiSchema('IncomingEventArray', { ...batchOfEvents, description: 'The CloudEvents JSON batch format' }),
  ],
});

/** The 202 of every ingesting route. */
export const ingestResultApiSchema = zodApiSchema(ingestResultSchema, 'output', 'IngestResult');
