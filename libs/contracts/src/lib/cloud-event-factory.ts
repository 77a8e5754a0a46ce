import { randomUUID } from 'node:crypto';
import { catalogue, type EventDataInput, type EventType } from './catalogue';
import { validateCloudEvent, type IncomingEvent, type KnownCloudEvent, type ValidationIssue } from './validation';

/** Thrown when a service builds an event that breaks its own contract: a bug, not bad input. */
export class ContractViolationError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`Event '${eventType}' violates its contract: ${issues.map((i) => `${i.path || '(event)'}: ${i.message}`).join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

/** The CloudEvent an incoming event becomes, keeping its type and data types. */
export type CloudEventFor<E extends IncomingEvent> = E extends { type: infer K extends EventType } ? KnownCloudEvent<K> : never;

export interface ToCloudEventOptions {
  /** The tenant the API key belongs to. */
  tenantId: string;
  /** The request's correlation id, used when the event carries none of its own. */
  correlationId?: string;
}

/**
 * Completes a validated incoming event (see `validateIncomingEvent`) into the CloudEvent intake
 * stores and publishes: the tenant from the API key, and the event's own `correlationid`, else
 * the request's. Defaults (`specversion`, `datacontenttype`, `dataversion`) are already applied.
 */
export function toCloudEvent<E extends IncomingEvent>(incoming: E, options: ToCloudEventOptions): CloudEventFor<E> {
  if (!options.tenantId) {
    throw new TypeError('toCloudEvent needs a tenantId');
  }
  const correlationid = incoming.correlationid ?? options.correlationId;
  return {
    ...incoming,
    tenantid: options.tenantId,
    ...(correlationid === undefined ? {} : { correlationid }),
  } as unknown as CloudEventFor<E>;
}

export interface NewCloudEventParams<K extends EventType> {
  type: K;
  /** URI-reference naming the publisher, e.g. `/hotline/dispatch`. */
  source: string;
  tenantId: string;
  data: EventDataInput<K>;
  correlationId?: string;
  /** The id of the event this one reacts to. */
  causationId?: string;
  /** Defaults to a new UUID. Pass a deterministic id to make a re-publish idempotent. */
  id?: string;
  /** When it happened; defaults to now. */
  time?: string | Date;
  subject?: string;
}

/**
 * Builds an event a service publishes, checked against the catalogue (throws
 * `ContractViolationError` if it does not conform): `newCloudEvent({ type: 'case.assigned', … })`
 * type-checks `data` against `case.assigned`'s schema.
 */
export function newCloudEvent<K extends EventType>(params: NewCloudEventParams<K>): KnownCloudEvent<K> {
  const time = params.time instanceof Date ? params.time.toISOString() : (params.time ?? new Date().toISOString());
  const event: Record<string, unknown> = {
    specversion: '1.0',
    id: params.id ?? randomUUID(),
    source: params.source,
    type: params.type,
    time,
    datacontenttype: 'application/json',
    dataversion: catalogue[params.type]?.version,
    tenantid: params.tenantId,
    ...(params.correlationId === undefined ? {} : { correlationid: params.correlationId }),
    ...(params.causationId === undefined ? {} : { causationid: params.causationId }),
    ...(params.subject === undefined ? {} : { subject: params.subject }),
    data: params.data,
  };
  const result = validateCloudEvent(event);
  if (!result.ok) {
    throw new ContractViolationError(String(params.type), result.errors);
  }
  return result.event as KnownCloudEvent<K>;
}
