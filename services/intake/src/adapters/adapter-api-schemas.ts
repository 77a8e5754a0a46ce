import type { SchemaObject } from '@nestjs/swagger';
import { namedApiSchema } from '@hotline/platform';

/**
 * The platforms' own payloads, as the adapters read them. They are the platforms' formats, not
 * ours: only the fields an adapter cannot do without are required, and every other field is
 * allowed (and kept with the delivery). Each adapter's mapping says which fields it reads.
 */

const oneOrMany = (name: string, item: SchemaObject): SchemaObject => ({
  oneOf: [item, { type: 'array', minItems: 1, items: item }],
  description: `One ${name}, or an array of them`,
});

const contactRecord = namedApiSchema('AmazonConnectContactRecord', {
  type: 'object',
  description:
    'An Amazon Connect contact record (CTR) as its data streaming delivers it. Read: ContactId, Channel, InitiationMethod, ' +
    'Queue.Name, Queue.EnqueueTimestamp, Queue.DequeueTimestamp, Queue.Duration, Agent.ConnectedToAgentTimestamp, Agent.*Duration, ' +
    'Agent.AfterContactWorkStart/EndTimestamp, DisconnectTimestamp, DisconnectReason, NextContactId, PreviousContactId, InitiationTimestamp, ' +
    'TransferredToEndpoint, TransferCompletedTimestamp, LastUpdateTimestamp and the survey Attributes (INTAKE_CONNECT_SURVEY_*)',
  required: ['ContactId'],
  properties: { ContactId: { type: 'string' } },
  additionalProperties: true,
});

/** `POST /v1/adapters/amazon-connect/contact-records` (as JSON; NDJSON and text bodies hold the same records, one after another). */
export const contactRecordsApiSchema = oneOrMany('contact record', contactRecord);

const contactLensFile = namedApiSchema('AmazonConnectContactLensFile', {
  type: 'object',
  description: 'A Contact Lens conversational analytics output file, the JSON Amazon Connect writes to S3 (its transcript is read)',
  additionalProperties: true,
});

export const contactLensApiSchema = oneOrMany('Contact Lens output file', contactLensFile);

const contactLensSegmentEvent = namedApiSchema('AmazonConnectContactLensSegmentEvent', {
  type: 'object',
  description:
    'A Contact Lens real-time analysis segment stream event as Kinesis carries it (voice: Version 1.0.0, EventType; chat: Version 2.0.0, ' +
    'StreamingEventType, StreamingSettings.LanguageCode, OutputType), or a ListRealtimeContactAnalysisSegments page with ContactId and ' +
    'LanguageCode added. Read: ContactId, Channel, LanguageCode, OutputType, Segments[].Transcript (Id, ParticipantRole, Content, ' +
    'BeginOffsetMillis, EndOffsetMillis, Time.AbsoluteTime, Sentiment, Redaction) and Segments[].Categories',
  properties: {
    ContactId: { type: 'string' },
    EventType: { type: 'string', enum: ['STARTED', 'SEGMENTS', 'COMPLETED', 'FAILED'] },
    StreamingEventType: { type: 'string', enum: ['STARTED', 'SEGMENTS', 'COMPLETED', 'FAILED'] },
    LanguageCode: { type: 'string', example: 'en-US' },
    Segments: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  additionalProperties: true,
});

/** `POST /v1/adapters/amazon-connect/contact-lens-segments` (as JSON; NDJSON and text bodies hold the same events, one after another). */
export const contactLensSegmentsApiSchema = oneOrMany('segment stream event', contactLensSegmentEvent);

const genesysConversation = namedApiSchema('GenesysConversation', {
  type: 'object',
  description: 'A Genesys Cloud analytics conversation detail record (AnalyticsConversation)',
  required: ['conversationId', 'participants'],
  properties: {
    conversationId: { type: 'string' },
    conversationEnd: { type: 'string', format: 'date-time' },
    participants: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  additionalProperties: true,
});

/** `POST /v1/adapters/genesys/conversations`: a details-query response, an array of conversations, or one. */
export const genesysConversationsApiSchema: SchemaObject = {
  oneOf: [
    {
      type: 'object',
      description: 'A `POST /api/v2/analytics/conversations/details/query` response',
      required: ['conversations'],
      properties: { conversations: { type: 'array', items: genesysConversation } },
    },
    { type: 'array', items: genesysConversation },
    genesysConversation,
  ],
};

/** A TaskRouter event callback's form parameters. */
export const taskRouterCallbackApiSchema = namedApiSchema('TaskRouterCallback', {
  type: 'object',
  description: 'A Twilio TaskRouter event callback (form parameters), signed with X-Twilio-Signature',
  required: ['EventType'],
  properties: {
    EventType: { type: 'string', example: 'reservation.accepted' },
    TaskSid: { type: 'string' },
    TaskAttributes: { type: 'string', description: 'JSON text' },
    TaskChannelUniqueName: { type: 'string' },
    TaskQueueName: { type: 'string' },
    WorkerSid: { type: 'string' },
    TimestampMs: { type: 'string' },
  },
  additionalProperties: true,
});

/** A Programmable Voice callback's form parameters: a status callback or a queue (`<Enqueue>`/`<Queue>`) callback. */
export const voiceCallbackApiSchema = namedApiSchema('TwilioVoiceCallback', {
  type: 'object',
  description: 'A Twilio Voice status or queue callback (form parameters), signed with X-Twilio-Signature',
  required: ['CallSid'],
  properties: {
    CallSid: { type: 'string' },
    CallStatus: { type: 'string', example: 'completed' },
    Timestamp: { type: 'string', example: 'Tue, 10 Jan 2023 18:49:02 +0000' },
    CallDuration: { type: 'string' },
    QueueSid: { type: 'string' },
    QueueTime: { type: 'string', description: 'Seconds the caller has waited in the queue' },
    QueueResult: { type: 'string', example: 'hangup' },
    QueuePosition: { type: 'string' },
    DequeingCallSid: { type: 'string' },
  },
  additionalProperties: true,
});

const zendeskRating: SchemaObject = {
  type: 'object',
  description: 'A Zendesk satisfaction rating (Satisfaction Ratings API JSON format)',
  required: ['id', 'ticket_id', 'score'],
  properties: {
    id: { type: 'integer' },
    ticket_id: { type: 'integer' },
    assignee_id: { type: 'integer' },
    score: { type: 'string', enum: ['offered', 'unoffered', 'good', 'bad'] },
    comment: { type: 'string' },
    reason: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
  additionalProperties: true,
};

/** What the Zendesk ratings route takes: one rating, wrapped or not, or a list page. */
export const zendeskRatingsApiSchema = namedApiSchema('ZendeskSatisfactionRatings', {
  oneOf: [
    { type: 'object', required: ['satisfaction_rating'], properties: { satisfaction_rating: zendeskRating } },
    { type: 'object', required: ['satisfaction_ratings'], properties: { satisfaction_ratings: { type: 'array', items: zendeskRating } } },
    zendeskRating,
  ],
});

const connectAgentEvent: SchemaObject = {
  type: 'object',
  description: 'An Amazon Connect agent event (agent event streams data model)',
  required: ['EventType', 'EventId', 'EventTimestamp'],
  properties: {
    EventType: { type: 'string', enum: ['LOGIN', 'LOGOUT', 'STATE_CHANGE', 'HEART_BEAT'] },
    EventId: { type: 'string' },
    EventTimestamp: { type: 'string', format: 'date-time' },
    AgentARN: { type: 'string' },
    CurrentAgentSnapshot: { type: 'object', description: 'AgentStatus {Name, Type}, Configuration {Username, AgentHierarchyGroups, RoutingProfile}, Contacts [{State}]' },
  },
  additionalProperties: true,
};

/** Agent events: one, or an array (newline-delimited bodies are documented on the route). */
export const agentEventsApiSchema = namedApiSchema('AmazonConnectAgentEvents', oneOrMany('agent event', connectAgentEvent));

const connectContactEvent: SchemaObject = {
  type: 'object',
  description: 'An EventBridge event of detail-type "Amazon Connect Contact Event"',
  required: ['detail'],
  properties: {
    'detail-type': { type: 'string', example: 'Amazon Connect Contact Event' },
    detail: {
      type: 'object',
      required: ['eventType', 'contactId'],
      properties: {
        eventType: { type: 'string', example: 'QUEUED' },
        contactId: { type: 'string' },
        channel: { type: 'string', example: 'VOICE' },
        initiationMethod: { type: 'string', example: 'INBOUND' },
        queueInfo: { type: 'object', properties: { queueArn: { type: 'string' }, enqueueTimestamp: { type: 'string', format: 'date-time' } } },
        agentInfo: {
          type: 'object',
          properties: {
            agentArn: { type: 'string' },
            connectedToAgentTimestamp: { type: 'string', format: 'date-time' },
            afterContactWorkStartTimestamp: { type: 'string', format: 'date-time' },
            afterContactWorkEndTimestamp: { type: 'string', format: 'date-time' },
            afterContactWorkDuration: { type: 'integer', minimum: 0, description: 'Whole seconds (COMPLETED after After Contact Work)' },
          },
        },
        disconnectTimestamp: { type: 'string', format: 'date-time' },
        disconnectReason: { type: 'string', example: 'CUSTOMER_DISCONNECT' },
      },
      additionalProperties: true,
    },
  },
  additionalProperties: true,
};

/** EventBridge contact events: one, or an array. */
export const contactEventsApiSchema = namedApiSchema('AmazonConnectContactEvents', oneOrMany('contact event', connectContactEvent));
