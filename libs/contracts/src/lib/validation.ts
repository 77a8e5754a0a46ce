import type { z } from 'zod';
import { catalogue, isKnownEventType, platformEventTypes, type EventData, type EventType, type PlatformEventType } from './catalogue';
import { cloudEventSchema, incomingEventSchema, type CloudEvent } from './envelope';
import type { Publisher } from './event-definition';
import { findUnstorableText } from './storable-text';

/** One problem with an event: where (`data.contactId`, `time`; '' for the whole event) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult<E> = { ok: true; event: E } | { ok: false; errors: ValidationIssue[] };

/** A CloudEvent of one catalogue type, its `data` typed by that type. */
export interface TypedCloudEvent<K extends EventType> extends CloudEvent<EventData<K>> {
  type: K;
}

/** A CloudEvent of any catalogue type: narrow on `type` to get its `data`'s type. */
export type KnownCloudEvent<K extends EventType = EventType> = K extends EventType ? TypedCloudEvent<K> : never;

/** An integrator's event as accepted by intake: defaults applied, no tenant yet. */
export interface TypedIncomingEvent<K extends PlatformEventType> extends Omit<CloudEvent<EventData<K>>, 'tenantid' | 'type'> {
  type: K;
}

/** A valid posted event of any platform type: narrow on `type` to get its `data`'s type. */
export type IncomingEvent<K extends PlatformEventType = PlatformEventType> = K extends PlatformEventType
  ? TypedIncomingEvent<K>
  : never;

/**
 * Validates what an integrator posted to `POST /v1/events`: the envelope (without `tenantid`, which
 * is rejected) and the data against its type's schema. Only platform event types are accepted.
 * Text PostgreSQL cannot store (NUL, lone surrogates) is refused anywhere in the event.
 * Every problem is reported, not just the first.
 */
export function validateIncomingEvent(input: unknown): ValidationResult<IncomingEvent> {
  const envelope = incomingEventSchema.safeParse(input, { error: message });
  const errors = envelope.success ? [] : toValidationIssues(envelope.error.issues);
  errors.push(...findUnstorableText(input)); // NUL, lone surrogates: see storable-text.ts
  const type = isRecord(input) ? input['type'] : undefined;
  let data: unknown;
  if (typeof type === 'string' && type.length > 0) {
    if (!isKnownEventType(type)) {
      errors.push(unknownType(type));
    } else if (catalogue[type].publishedBy !== 'platform') {
      errors.push({
        path: 'type',
        message:
          `'${type}' is published by ${publisherName(catalogue[type].publishedBy)} and cannot be posted; ` +
          `platforms may post: ${platformEventTypes.join(', ')}`,
      });
    } else {
      const checked = checkData(type, input as Record<string, unknown>, '1');
      errors.push(...checked.errors);
      data = checked.data;
    }
  }
  if (!envelope.success || errors.length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, event: { ...envelope.data, data } as IncomingEvent };
}

/**
 * Validates an event a consumer received: the full envelope (with `tenantid`) and the data against
 * its type's schema, for any catalogue type and the `dataversion` the catalogue knows, and refuses
 * text PostgreSQL cannot store anywhere in it. `json` is the text `input` was parsed from, if any.
 */
export function validateCloudEvent(input: unknown, json?: string): ValidationResult<KnownCloudEvent> {
  const envelope = cloudEventSchema.safeParse(input, { error: message });
  const errors = envelope.success ? [] : toValidationIssues(envelope.error.issues);
  errors.push(...findUnstorableText(input, json)); // NUL, lone surrogates: see storable-text.ts
  const type = isRecord(input) ? input['type'] : undefined;
  let data: unknown;
  if (typeof type === 'string' && type.length > 0) {
    if (!isKnownEventType(type)) {
      errors.push(unknownType(type));
    } else {
      const checked = checkData(type, input as Record<string, unknown>, undefined);
      errors.push(...checked.errors);
      data = checked.data;
    }
  }
  if (!envelope.success || errors.length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, event: { ...envelope.data, data } as KnownCloudEvent };
}

/** Turns zod issues into `{ path, message }` with dotted paths, optionally under a prefix. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}

/** Checks `dataversion` and `data` against the type's definition; returns the parsed data when valid. */
function checkData(
  type: EventType,
  event: Record<string, unknown>,
  defaultVersion: string | undefined,
): { errors: ValidationIssue[]; data?: unknown } {
  const definition = catalogue[type];
  const version = event['dataversion'] ?? defaultVersion;
  if (typeof version !== 'string') {
    return { errors: [] }; // missing or malformed: the envelope check reports it
  }
  if (version !== definition.version) {
    const reason = `'${type}' has no data version '${version}': the supported version is '${definition.version}'`;
    return { errors: [{ path: 'dataversion', message: reason }] };
  }
  if (event['data'] === undefined) {
    return { errors: [] }; // the envelope check reports the missing data
  }
  const result = definition.data.safeParse(event['data'], { error: message });
  return result.success
    ? { errors: [], data: result.data }
    : { errors: toValidationIssues(result.error.issues, ['data']) };
}

function unknownType(type: string): ValidationIssue {
  return { path: 'type', message: `Unknown event type '${type}'` };
}

/** Clearer wording than zod's defaults where it matters; `undefined` keeps zod's message. */
function message(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input !== undefined) {
    return undefined;
  }
  if (issue.code === 'invalid_type') {
    return issue.expected === 'nonoptional' ? 'Required' : `Required (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_value') {
    return `Required (expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')})`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function publisherName(publisher: Publisher): string {
  return publisher === 'any service' ? "Hotline's services" : `Hotline's ${publisher} service`;
}
