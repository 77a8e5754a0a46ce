// @hotline/contracts: the event catalogue, the only coupling between Hotline's services.
// Depends on nothing of ours and on no runtime library but zod.

export { cloudEventSchema, incomingEventSchema, type CloudEvent } from './lib/envelope';
export { defineEvent, type EventDataSchema, type EventDefinition, type Publisher } from './lib/event-definition';
export * from './lib/catalogue';
// Enumerations reused across event types, for services that need their values at run time.
export { contactChannel } from './lib/events/contact-events';
export { caseStage, caseType } from './lib/events/case-events';
export { slaKind, slaSubjectType } from './lib/events/sla-events';
export { alertChange, alertSeverity } from './lib/events/alert-events';
export { accessDeniedReason } from './lib/events/security-events';
export {
  toValidationIssues,
  validateCloudEvent,
  validateIncomingEvent,
  type IncomingEvent,
  type KnownCloudEvent,
  type TypedCloudEvent,
  type TypedIncomingEvent,
  type ValidationIssue,
  type ValidationResult,
} from './lib/validation';
export {
  ContractViolationError,
  newCloudEvent,
  toCloudEvent,
  type CloudEventFor,
  type NewCloudEventParams,
  type ToCloudEventOptions,
} from './lib/cloud-event-factory';
export { auditRecordedEvent, type AuditedChange } from './lib/audit-recorded-event';
export { toJsonSchema, type JsonSchemaOptions, type JsonSchemaTarget } from './lib/json-schema';
export type { JsonSchema, JsonSchemaObject } from './lib/compatibility';
export { asyncApiDocument, type AsyncApiDocument } from './lib/asyncapi-document';
export * from './lib/names';
export * from './lib/subscriptions';
export { findUnstorableText, MAX_UNSTORABLE_TEXT_ISSUES, replaceUnstorableText, unstorableTextReason } from './lib/storable-text';
