import type { FieldError } from './field-error';
import { parseTimestamp, type TimestampFormat } from './platform-timestamp';

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Typed reads of a platform's JSON by dotted path (`Queue.Name`; `Transcript.3.Content` indexes
 * arrays), collecting an error for each field that is missing where required or present but of the
 * wrong kind, so one 422 names them all. Paths are reported as the platform's own: a reader `at` a
 * nested object (`participants[0].sessions[1]`) prefixes them. `null` counts as absent (Amazon
 * Connect writes every field it has no value for as `null`); text is trimmed, and blank is absent.
 */
export class FieldReader {
  private constructor(
    readonly record: Json,
    private readonly timestampFormats: readonly TimestampFormat[],
    private readonly base: string,
    readonly errors: FieldError[],
  ) {}

  static of(record: Json, timestampFormats: readonly TimestampFormat[]): FieldReader {
    return new FieldReader(record, timestampFormats, '', []);
  }

  /** The platform's path of a field read here. */
  pathOf(path: string): string {
    if (!this.base) return path;
    return path ? `${this.base}.${path}` : this.base;
  }

  /** The raw value at `path`, or undefined when it or anything on the way is absent or null. */
  value(path: string): unknown {
    let current: unknown = this.record;
    for (const key of path.split('.')) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
      current = (current as Json)[key];
    }
    return current ?? undefined;
  }

  /** Whether the field is written at all, even as `null` (a record format that predates it has no key). */
  has(path: string): boolean {
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? this.record : this.value(path.slice(0, dot));
    return isObject(parent) && Object.hasOwn(parent, path.slice(dot + 1));
  }

  /** Text, trimmed; undefined when absent or blank. */
  string(path: string): string | undefined {
    const value = this.value(path);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    this.fail(path, `Expected a string, got ${JSON.stringify(value)}`);
    return undefined;
  }

  /** A string the record must have; reports it missing otherwise (once). */
  required(path: string, why?: string): string | undefined {
    const value = this.string(path);
    if (value === undefined && !this.errors.some((e) => e.path === this.pathOf(path))) this.fail(path, why ? `Required: ${why}` : 'Required');
    return value;
  }

  /** A count or duration: a non-negative number. */
  amount(path: string): number | undefined {
    const value = this.value(path);
    if (value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0)) return value;
    this.fail(path, `Expected a non-negative number, got ${JSON.stringify(value)}`);
    return undefined;
  }

  /** A timestamp in the platform's documented formats, as RFC 3339 UTC; `required` reports it missing. */
  timestamp(path: string, required = false): string | undefined {
    const value = this.value(path);
    if (value === undefined) {
      if (required) this.fail(path, 'Required');
      return undefined;
    }
    const parsed = parseTimestamp(value, this.timestampFormats);
    if (parsed.ok) return parsed.iso;
    this.fail(path, parsed.message);
    return undefined;
  }

  /** A reader of the object at `path` (sharing this reader's errors), or undefined when it is absent or no object. */
  at(path: string): FieldReader | undefined {
    const value = this.value(path);
    return isObject(value) ? new FieldReader(value, this.timestampFormats, this.pathOf(path), this.errors) : undefined;
  }

  /** Readers of the objects of an optional array at `path`; a present non-array, or a non-object element, is an error. */
  list(path: string): FieldReader[] {
    const value = this.value(path);
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.fail(path, 'Expected an array');
      return [];
    }
    return value.flatMap((item, i) => {
      const at = `${this.pathOf(path)}[${i}]`;
      if (isObject(item)) return [new FieldReader(item, this.timestampFormats, at, this.errors)];
      this.fail(`${path}[${i}]`, 'Expected an object');
      return [];
    });
  }

  /** Records a problem with a field; the same problem found again (a field read twice) is recorded once. */
  fail(path: string, message: string): void {
    const at = this.pathOf(path);
    if (!this.errors.some((e) => e.path === at && e.message === message)) this.errors.push({ path: at, message });
  }
}

/** The error for a record that is not a JSON object at all. */
export function notAnObject(value: unknown, what: string): FieldError {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return { path: '', message: `Expected ${what} (a JSON object), got ${kind}` };
}
