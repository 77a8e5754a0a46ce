import { decodeHeaderValue } from './ce-header-value';

/** A request's headers as Node gives them: lower-case names. */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface FieldError {
  index?: number;
  path: string;
  message: string;
}

export type BinaryModeEvent =
  | { ok: true; event: Record<string, unknown> }
  | { ok: false; unsupportedMediaType: string }
  | { ok: false; errors: FieldError[] };

const PREFIX = 'ce-';
const STRUCTURED_MEDIA_TYPE = /^\s*application\/cloudevents/i;
const JSON_MEDIA_TYPE = /^\s*application\/json\s*(;|$)/i;

/**
 * CloudEvents HTTP binary content mode (binding v1.0.2 §3.1): the attributes travel as `ce-*`
 * headers and the body is `data`. A request is in binary mode when it has `ce-specversion` and its
 * Content-Type is not a CloudEvents event format (`application/cloudevents+json` and the batch
 * format mean structured or batched mode, whatever headers come along).
 */
export function isBinaryMode(headers: RequestHeaders): boolean {
  return headers[`${PREFIX}specversion`] !== undefined && !STRUCTURED_MEDIA_TYPE.test(single(headers['content-type']) ?? '');
}

/**
 * Builds the structured event a binary-mode request carries: one attribute per `ce-*` header
 * (name without the prefix, value percent-decoded), `datacontenttype` from Content-Type (only
 * `application/json` is accepted), `data` from the body. Nothing else is checked here: the event
 * goes through the same validation as a structured one, so a missing `ce-id` is reported as `id`
 * and a `ce-tenantid` is refused like a `tenantid` attribute.
 */
export function readBinaryModeEvent(headers: RequestHeaders, body: unknown): BinaryModeEvent {
  const contentType = single(headers['content-type']);
  if (contentType === undefined || !JSON_MEDIA_TYPE.test(contentType)) {
    return {
      ok: false,
      unsupportedMediaType: `In CloudEvents binary mode (ce-specversion sent) the body is the event's data and must be application/json; got ${contentType ?? 'no Content-Type'}`,
    };
  }
  const event: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [header, raw] of Object.entries(headers)) {
    if (!header.startsWith(PREFIX) || raw === undefined) continue;
    const name = header.slice(PREFIX.length);
    if (name === 'datacontenttype' || name === 'data') {
      const carriedBy = name === 'data' ? 'the request body' : 'the Content-Type header';
      errors.push({ path: name, message: `must not be sent as a ce-${name} header in binary mode: ${carriedBy} carries it` });
      continue;
    }
    const decoded = decodeHeaderValue(Array.isArray(raw) ? raw.join(',') : raw);
    if (decoded.ok) event[name] = decoded.value;
    else errors.push({ path: name, message: `the ce-${name} header ${decoded.reason}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, event: { ...event, datacontenttype: 'application/json', data: body } };
}

/** Says where each invalid attribute came from in a binary-mode request (its header, or the body). */
export function namingHeaders(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    const [attribute] = error.path.split('.');
    if (attribute === '') return error;
    const where = attribute === 'data' ? 'the request body' : attribute === 'datacontenttype' ? 'the Content-Type header' : `the ce-${attribute} header`;
    return { ...error, message: `${error.message} (${where})` };
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
