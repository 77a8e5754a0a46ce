import { z } from 'zod';
import { evenIfOtherFieldsFail, identifier, timestamp, unlessMissing } from './fields';

/**
 * The envelope every event travels in: CloudEvents 1.0, structured JSON mode
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md), with our extension
 * attributes `tenantid`, `correlationid`, `causationid` and `dataversion`.
 *
 * Attributes we know are checked strictly. Other extension attributes are allowed, as CloudEvents
 * allows them, when their name is a valid CloudEvents attribute name (lowercase ASCII letters and
 * digits) and their value a JSON scalar; they are passed through untouched. They do not appear in
 * the `CloudEvent` type: read them as `(event as Record<string, unknown>)[name]`.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  /** Unique per source (per tenant for integrators): resending the same id is safe. 1..200 chars. */
  id: string;
  /** URI-reference naming the producer, e.g. `https://pbx.example.com` or `/hotline/dispatch`. */
  source: string;
  /** The event type, e.g. `contact.queued`; also the routing key. */
  type: string;
  /** When it happened: RFC 3339 with an offset. */
  time: string;
  datacontenttype: 'application/json';
  data: T;
  /** The tenant the event belongs to. Set by intake from the API key, never by a client. */
  tenantid: string;
  /** Ties together everything caused by one outside request. */
  correlationid?: string;
  /** The id of the event that caused this one. */
  causationid?: string;
  /** Version of the type's data schema, a positive integer as a string ('1'). */
  dataversion: string;
  /** What the event is about within the source (e.g. a contact id). */
  subject?: string;
}

/** CloudEvents attribute names: lowercase ASCII letters and digits only. */
export const ATTRIBUTE_NAME_PATTERN = /^[a-z0-9]+$/;

/** RFC 3986 URI-reference: only the characters a URI may contain, nothing else (no spaces). */
const URI_REFERENCE_PATTERN = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/; // emptiness is minLength's to report

const DATAVERSION_PATTERN = /^[1-9][0-9]*$/;

/** Every attribute the envelope defines, core and ours; anything else is an extension. */
export const KNOWN_ATTRIBUTES: readonly string[] = [
  'specversion',
  'id',
  'source',
  'type',
  'time',
  'datacontenttype',
  'data',
  'subject',
  'tenantid',
  'correlationid',
  'causationid',
  'dataversion',
];

const specversion = z.literal('1.0', {
  error: unlessMissing("Unsupported specversion: only CloudEvents '1.0' is accepted"),
});
const datacontenttype = z.literal('application/json', {
  error: unlessMissing("Unsupported datacontenttype: only 'application/json' is accepted"),
});
const dataversion = z.string().regex(DATAVERSION_PATTERN, "dataversion must be a positive integer as a string, e.g. '1'");
const eventType = z.string().min(1).max(200);
const source = z
  .string()
  .min(1)
  .max(2000)
  .regex(URI_REFERENCE_PATTERN, "source must be a URI-reference, e.g. 'https://pbx.example.com' or '/platform/genesys'");
const subject = z.string().min(1).max(200);

/** Values an extension attribute may take in JSON: CloudEvents' string, integer, boolean. */
const extensionValue = z.union([z.string(), z.number(), z.boolean()], {
  error: 'An extension attribute must be a string, a number or a boolean',
});

/** Rejects extension attributes whose name CloudEvents does not allow (e.g. `tenantId`). */
function checkExtensionNames(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const name of Object.keys(value)) {
    if (!KNOWN_ATTRIBUTES.includes(name) && !ATTRIBUTE_NAME_PATTERN.test(name)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `'${name}' is not a valid CloudEvents attribute name: use lowercase letters and digits only`,
      });
    }
  }
}

/** A complete CloudEvent as it travels between services; `data` is checked by the catalogue. */
export const cloudEventSchema = z
  .object({
    specversion,
    id: identifier(),
    source,
    type: eventType,
    time: timestamp(),
    datacontenttype,
    data: z.unknown(),
    subject: subject.optional(),
    tenantid: z.string().min(1).max(200),
    correlationid: identifier().optional(),
    causationid: identifier().optional(),
    dataversion,
  })
  .catchall(extensionValue)
  .superRefine(checkExtensionNames, evenIfOtherFieldsFail);

/**
 * What an integrator posts to `POST /v1/events`: the envelope without `tenantid` (the API key
 * decides the tenant, so a client that sends one is told so instead of being silently trusted),
 * with `specversion`, `datacontenttype` and `dataversion` defaulted.
 */
export const incomingEventSchema = z
  .object({
    specversion: specversion.default('1.0'),
    id: identifier(),
    source,
    type: eventType,
    time: timestamp(),
    datacontenttype: datacontenttype.default('application/json'),
    data: z.unknown(),
    subject: subject.optional(),
    tenantid: z
      .never({ error: 'tenantid must not be sent: the tenant is determined by the API key' })
      .optional(),
    correlationid: identifier().optional(),
    causationid: identifier().optional(),
    dataversion: dataversion.default('1'),
  })
  .catchall(extensionValue)
  .superRefine(checkExtensionNames, evenIfOtherFieldsFail);
