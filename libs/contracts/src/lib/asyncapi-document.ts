import { catalogue, type EventType, eventTypes } from './catalogue';
import type { JsonSchemaObject } from './compatibility';
import { cloudEventSchema } from './envelope';
import { toJsonSchema } from './json-schema';
import { EVENTS_EXCHANGE } from './names';
import { SUBSCRIPTIONS } from './subscriptions';

/** An AsyncAPI 3.0.0 document, as JSON. */
export type AsyncApiDocument = JsonSchemaObject & { asyncapi: '3.0.0' };

/** The MIME type of a message's body: the whole CloudEvent, structured mode (see messaging's codec). */
const MESSAGE_CONTENT_TYPE = 'application/cloudevents+json';

const AMQP_BINDING_VERSION = '0.3.0';

/** `contact.queued` → `contactQueued`, `agent.status_changed` → `agentStatusChanged`: ids AsyncAPI keys accept. */
function idOf(type: string): string {
  return type.replace(/[._]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Whether an AMQP topic pattern (`*` one word, `#` any number of words) matches a routing key. */
function topicMatches(pattern: string, routingKey: string): boolean {
  const match = (p: string[], k: string[]): boolean => {
    if (p.length === 0) return k.length === 0;
    const [head, ...rest] = p;
    if (head === '#') return match(rest, k) || (k.length > 0 && match(p, k.slice(1)));
    return k.length > 0 && (head === '*' || head === k[0]) && match(rest, k.slice(1));
  };
  return match(pattern.split('.'), routingKey.split('.'));
}

/** The queues (`<service>.<purpose>`) an event type is delivered to. */
function consumersOf(type: EventType): string[] {
  return SUBSCRIPTIONS.filter(({ patterns }) => patterns.some((pattern) => topicMatches(pattern, type))).map(
    ({ service, purpose }) => `${service}.${purpose}`,
  );
}

function channelFor(type: EventType): JsonSchemaObject {
  const id = idOf(type);
  const consumers = consumersOf(type);
  return {
    address: type,
    title: type,
    description:
      `Events of type \`${type}\` on the topic exchange \`${EVENTS_EXCHANGE}\`, routing key \`${type}\`. ` +
      (consumers.length ? `Delivered to the queues ${consumers.map((queue) => `\`${queue}\``).join(', ')}.` : 'No Hotline queue consumes it yet.'),
    messages: { [id]: { $ref: `#/components/messages/${id}` } },
    bindings: {
      amqp: {
        is: 'routingKey',
        exchange: { name: EVENTS_EXCHANGE, type: 'topic', durable: true, autoDelete: false, vhost: '/' },
        bindingVersion: AMQP_BINDING_VERSION,
      },
    },
    'x-hotline-consumers': consumers,
  };
}

function operationFor(type: EventType): JsonSchemaObject {
  const id = idOf(type);
  const { publishedBy } = catalogue[type];
  const fromPlatform = publishedBy === 'platform';
  return {
    action: fromPlatform ? 'receive' : 'send',
    channel: { $ref: `#/channels/${id}` },
    summary: fromPlatform
      ? `Call-centre platforms send it to intake (POST /v1/events); intake publishes it on ${EVENTS_EXCHANGE} once stored`
      : `Published by ${publishedBy === 'any service' ? 'every service' : publishedBy} through its outbox, with publisher confirms`,
    messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    ...(fromPlatform ? {} : { bindings: { amqp: { deliveryMode: 2, bindingVersion: AMQP_BINDING_VERSION } } }),
    'x-hotline-publisher': fromPlatform ? 'platform (through intake)' : publishedBy,
  };
}

function messageFor(type: EventType): JsonSchemaObject {
  const id = idOf(type);
  const definition = catalogue[type];
  return {
    name: type,
    title: type,
    summary: definition.description,
    contentType: MESSAGE_CONTENT_TYPE,
    payload: {
      allOf: [
        { $ref: '#/components/schemas/CloudEvent' },
        {
          type: 'object',
          required: ['type', 'dataversion', 'data'],
          properties: {
            type: { const: type },
            dataversion: { const: definition.version },
            data: { $ref: `#/components/schemas/${id}Data` },
          },
        },
      ],
    },
    bindings: { amqp: { messageType: type, bindingVersion: AMQP_BINDING_VERSION } },
  };
}

/**
 * The event catalogue as an AsyncAPI 3.0.0 document: one channel per event type (its routing key on
 * the `hotline.events` topic exchange), one message per type whose payload is the CloudEvents
 * envelope with that type's `data` schema (JSON Schema draft 7, AsyncAPI's default schema format,
 * generated from the zod definitions services validate with), and one operation per type saying
 * which side publishes it: platform events are received (by intake, over HTTP), every other type is
 * sent by the Hotline service that owns it.
 */
export function asyncApiDocument(): AsyncApiDocument {
  const types = [...eventTypes].sort();
  const schema = (zod: Parameters<typeof toJsonSchema>[0]) => toJsonSchema(zod, { target: 'draft-7', io: 'output' });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Hotline events',
      version: '1',
      description:
        'Every event Hotline services exchange, as CloudEvents 1.0 in structured JSON mode on the RabbitMQ topic exchange ' +
        `\`${EVENTS_EXCHANGE}\`, routed by type. Platform events (sent by call-centre platforms to intake) carry the tenant intake ` +
        'resolved from the API key in `tenantid`; every event carries its `dataversion`.',
    },
    defaultContentType: MESSAGE_CONTENT_TYPE,
    servers: {
      rabbitmq: {
        host: '127.0.0.1:5672',
        protocol: 'amqp',
        protocolVersion: '0.9.1',
        description: 'The broker in AMQP_URL (this is the default)',
      },
    },
    channels: Object.fromEntries(types.map((type) => [idOf(type), channelFor(type)])),
    operations: Object.fromEntries(
      types.map((type) => [`${catalogue[type].publishedBy === 'platform' ? 'receive' : 'send'}${idOf(type).replace(/^./, (c) => c.toUpperCase())}`, operationFor(type)]),
    ),
    components: {
      schemas: {
        CloudEvent: schema(cloudEventSchema),
        ...Object.fromEntries(types.map((type) => [`${idOf(type)}Data`, schema(catalogue[type].data)])),
      },
      messages: Object.fromEntries(types.map((type) => [idOf(type), messageFor(type)])),
    },
  };
}
