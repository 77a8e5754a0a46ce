import { stdSerializers } from 'pino';

/**
 * What a logged error may carry: what went wrong and where, never the data it was handling.
 * Anything else is dropped, notably TypeORM's `parameters` (the statement's values: event payloads)
 * and PostgreSQL's `detail` (`Key (id)=(value) already exists`), `where` (`JSON data, line 1: …`),
 * `hint` and `internalQuery`. `query` is the statement text: every statement here is parameterized.
 */
const KEPT_FIELDS = [
  'type',
  'message',
  'stack',
  'code',
  'errno',
  'syscall',
  'address',
  'port',
  'status',
  'statusCode',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
  'query',
] as const;
/** Errors inside errors (TypeORM's `driverError`, an AggregateError's members) are kept to this depth. */
const MAX_NESTING = 3;

/** SQLSTATE codes are five digits or capitals: the error came from PostgreSQL. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
/**
 * PostgreSQL quotes names and values alike in its messages (`invalid input syntax for type integer:
 * "…"`, `value "…" is out of range`). A quoted word after a kind of name stays; any other is a value.
 */
const QUOTED = /"[^"]*"/g;
const NAME_BEFORE =
  /\b(?:relation|constraint|column|table|schema|type|function|index|sequence|encoding|database|role|operator|trigger|view|extension|cursor|statement) $/;

type Serialized = Record<string, unknown>;

function asSerialized(value: unknown): Serialized | undefined {
  if (value instanceof Error) return stdSerializers.err(value) as unknown as Serialized;
  return typeof value === 'object' && value !== null ? (value as Serialized) : undefined;
}

function withoutValues(text: string): string {
  return text.replace(QUOTED, (quoted, offset: number) => (NAME_BEFORE.test(text.slice(Math.max(0, offset - 12), offset)) ? quoted : '"…"'));
}

function safeError(value: unknown, nesting: number): Serialized | undefined {
  const error = asSerialized(value);
  if (!error) return undefined;
  const safe: Serialized = {};
  for (const field of KEPT_FIELDS) if (error[field] !== undefined) safe[field] = error[field];
  if (typeof error['code'] === 'string' && SQLSTATE.test(error['code'])) {
    for (const field of ['message', 'stack'] as const) {
      if (typeof safe[field] === 'string') safe[field] = withoutValues(safe[field]);
    }
  }
  if (nesting < MAX_NESTING) {
    const driverError = safeError(error['driverError'], nesting + 1);
    if (driverError) safe['driverError'] = driverError;
    const members = error['aggregateErrors'];
    if (Array.isArray(members)) safe['aggregateErrors'] = members.map((member) => safeError(member, nesting + 1) ?? String(member));
  }
  return safe;
}

/**
 * pino `err` serializer for every platform log line: ids, codes and counts only (see KEPT_FIELDS).
 * pino-http hands it pino's standard serialization of the error; given an Error itself (another
 * pino logger), it serializes it first.
 */
export function errorSerializer(value: unknown): unknown {
  return safeError(value, 0) ?? value;
}

/**
 * pino's `logMethod` hook: an error logged without a message of its own (`logger.error(error)`,
 * which Nest's logger turns into `{err}`) gets its message as the line's `msg`, which pino would
 * otherwise copy raw, values and all, past the serializer.
 */
export function messageOfLoggedError(args: readonly unknown[]): unknown[] {
  const [first] = args;
  if (args.length !== 1 || typeof first !== 'object' || first === null) return [...args];
  const error = first instanceof Error ? first : (first as { err?: unknown }).err;
  if (!(error instanceof Error) || (first as { msg?: unknown }).msg !== undefined) return [...args];
  const message = (safeError(error, MAX_NESTING)?.['message'] as string | undefined) ?? '';
  return [first instanceof Error ? { err: first } : first, message];
}
