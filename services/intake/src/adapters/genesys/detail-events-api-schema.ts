import type { SchemaObject } from '@nestjs/swagger';
import { namedApiSchema } from '@hotline/platform';

const eventBody: SchemaObject = {
  type: 'object',
  description:
    'The detail event (AcdStartEvent, AcdEndEvent, UserEndEvent, CustomerEndEvent, AfterCallWorkEvent, …). Read: conversationId, ' +
    'eventTime (epoch ms), mediaType, direction, ani, dnis, queueId, acdOutcome, answeredUserId, connectedDurationMs, disconnectType, ' +
    'userId, participantId, interactingDurationMs, heldDurationMs, wrapupCode, wrapupDurationMs; or, for `v2.conversations.{id}`, the conversation ' +
    '(id, participants[].purpose/name/queueId/userId/address/startAcwTime/endAcwTime/wrapupRequired, and their ' +
    'calls/callbacks/chats/messages/emails/videos[].state/direction/connectedTime/disconnectedTime/disconnectType)',
  properties: {
    conversationId: { type: 'string' },
    eventTime: { type: 'integer', description: 'Epoch milliseconds' },
    acdOutcome: { type: 'string', example: 'ANSWERED' },
  },
  additionalProperties: true,
};

const notification: SchemaObject = {
  type: 'object',
  description: 'A notification as a Genesys Cloud notification channel delivers it',
  required: ['topicName'],
  properties: {
    topicName: { type: 'string', example: 'v2.detail.events.conversation.c3a1f5d0-7b2e-4c9a-8d10-5e6f7a8b9c01.acd.end' },
    version: { type: 'string' },
    eventBody,
    metadata: { type: 'object', additionalProperties: true },
  },
  additionalProperties: true,
};

const eventBridgeEvent: SchemaObject = {
  type: 'object',
  description: 'An event of the Genesys Cloud Amazon EventBridge integration: the notification is its detail',
  required: ['detail'],
  properties: {
    'detail-type': { type: 'string', example: 'v2.detail.events.conversation.{id}.acd.end' },
    source: { type: 'string', example: 'aws.partner/genesys.com/cloud/<organizationId>/<suffix>' },
    detail: notification,
  },
  additionalProperties: true,
};

const detailEvent: SchemaObject = { oneOf: [notification, eventBridgeEvent] };

/** `POST /v1/adapters/genesys/events`: one notification or EventBridge event, or an array of them. */
export const genesysDetailEventsApiSchema = namedApiSchema('GenesysDetailEvents', {
  oneOf: [detailEvent, { type: 'array', minItems: 1, items: detailEvent }],
  description: 'One Genesys Cloud detail event notification (or EventBridge event), or an array of them',
});
