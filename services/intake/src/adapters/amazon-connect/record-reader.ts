import { parseTimestamp, type TimestampFormat } from '../platform-timestamp';

/** What is wrong with one platform record: its position in the delivery, the field, and why. */
export interface RecordError {
  index: number;
  /** The platform's own field path, e.g. `Queue.EnqueueTimestamp`; '' for the record itself. */
  path: string;
  message: string;
}

/**
 * Reads fields of one platform record by their dotted path, collecting an error for each field
 * that is present but of the wrong kind. `null` counts as absent: Amazon Connect writes every
 * field it has no value for as `null`.
 */
export class RecordReader {
  readonly errors: RecordError[] = [];

  constructor(
    private readonly record: Record<string, unknown>,
    readonly index: number,
    private readonly timestampFormats: readonly TimestampFormat[],
  ) {}

  /** The raw value at `path` (`Transcript.3.Content` indexes arrays), or undefined when it or anything on the way is absent or null. */
  value(path: string): unknown {
    let current: unknown = this.record;
    for (const key of path.split('.')) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current ?? undefined;
  }

  /** Whether the field is written at all, even as `null` (a record format that predates it has no key). */
  has(path: string): boolean {
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? this.record : this.value(path.slice(0, dot));
    return isObject(parent) && Object.hasOwn(parent, path.slice(dot + 1));
  }

  string(path: string): string | undefined {
    const value = this.value(path);
    if (value === undefined || (typeof value === 'string' && value.length > 0)) return value;
    if (value !== '') this.fail(path, `Expected a string, got ${JSON.stringify(value)}`);
    return undefined;
  }

  /** A count or duration: a non-negative number. */
  amount(path: string): number | undefined {
    const value = this.value(path);
    if (value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0)) return value;
    this.fail(path, `Expected a non-negative number, got ${JSON.stringify(value)}`);
    return undefined;
  }

  /** A timestamp in the platform's documented formats, as RFC 3339 UTC. */
  timestamp(path: string): string | undefined {
    const value = this.value(path);
    if (value === undefined) return undefined;
    const parsed = parseTimestamp(value, this.timestampFormats);
    if (parsed.ok) return parsed.iso;
    this.fail(path, parsed.message);
    return undefined;
  }

  /** A string the record must have; reports it missing otherwise. */
  required(path: string, why: string): string | undefined {
    const value = this.string(path);
    if (value === undefined && !this.errors.some((e) => e.path === path)) this.fail(path, `Required: ${why}`);
    return value;
  }

  fail(path: string, message: string): void {
    this.errors.push({ index: this.index, path, message });
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The error for a record that is not a JSON object at all. */
export function notAnObject(value: unknown, index: number, what: string): RecordError {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return { index, path: '', message: `Expected ${what} (a JSON object), got ${kind}` };
}
