// @hotline/messaging: what services, the platform and tools use of RabbitMQ and the outbox/inbox.
// Deliberately listed: anything not here is the library's own business.

// Wiring a service: the module (publisher, outbox and relay, inbox, dead letters) and the consumer transport.
export { MessagingModule, type MessagingModuleOptions } from './lib/messaging.module';
export { AmqpServer, type AmqpServerOptions } from './lib/consumer/amqp-server';
export { EventHandlerErrorFilter } from './lib/consumer/event-handler-error.filter';
export { BROKER_CONNECTION, BROKER_SETTINGS, type BrokerConnectionStatus, type BrokerSettings } from './lib/broker-connection';

// Writing handlers: typed, with the transaction, inbox and batching owned by the transport.
export { OnEvent, OnEventBatch, typedHandlerKey } from './lib/consumer/on-event.decorator';
export type { EventBatchTransaction, EventTransaction, ReactionEvent } from './lib/consumer/event-transaction';
export { PermanentFailure } from './lib/consumer/permanent-failure';
export { isDependencyUnavailable } from './lib/consumer/dependency-unavailable';
export { AmqpContext } from './lib/consumer/amqp-context';
export { DEFAULT_RETRY_DELAYS_MS } from './lib/consumer/retry-policy';
export { CorrelationContext, correlationOf, type Correlation } from './lib/correlation/correlation-context';
export { childSpan, continueTrace, formatTraceparent, newTrace, parseTraceparent, type TraceContext } from './lib/correlation/trace-context';
export { traced, type TraceAttributes } from './lib/correlation/traced-event';
export { exportSpansWith, startWorkSpan, type WorkSpan, type WorkSpanKind } from './lib/correlation/work-span';

// Publishing from a service's own transactions, and the inbox for effects outside a handler.
export { Outbox } from './lib/outbox/outbox';
export { Inbox, type InboxOutcome } from './lib/inbox/inbox';

// Schema: the tables every service keeps, as versioned SQL and the migration that adds v2.
export { messagingTablesV1Sql, messagingTablesV2Sql, outboxChannel } from './lib/outbox/messaging-tables';
export { outboxParkingMigration } from './lib/outbox/outbox-parking.migration';

// Operating: parked outbox rows and dead letters (the CLI), relay status (health), names and metrics.
export { ParkedOutbox, type ParkedEvent, type SqlRunner } from './lib/outbox/parked-outbox';
export { OUTBOX_STATUS, OutboxRelay, type OutboxRelayOptions, type OutboxStatus } from './lib/outbox/outbox-relay';
export { DeadLetters, type DeadLetter } from './lib/dead-letters/dead-letters';
export { MessagingNames } from './lib/topology/messaging-names';
export { messagingMetrics } from './lib/metrics/messaging-metrics';
export { QUEUE_DEPTH_TIMEOUT_MS, queueDepthMetrics, watchQueueDepth, type QueueDepth, type QueueDepthProbe } from './lib/metrics/queue-depth';

// Building blocks other infrastructure reuses: the connection and publisher, and the claim loop (timers).
export { AmqpConnection } from './lib/amqp/amqp-connection';
export { EventPublisher } from './lib/publisher/event-publisher';
export { WakeablePoller, type PassResult, type WakeablePollerOptions } from './lib/claim-loop/wakeable-poller';
