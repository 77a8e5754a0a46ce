/**
 * Compares a published contract snapshot (JSON Schemas of the envelopes and of every event type's
 * data) with the current one and lists the changes that would break someone relying on the
 * published version. Pure: no zod, no files.
 *
 * Incompatible (reported):
 * - an event type or an envelope removed; an event type's `version` changed (a breaking change is a
 *   new type version, published alongside the old one — DESIGN decision 2);
 * - a property removed; an optional property made required; a new required property; a required
 *   property made optional (a consumer still on the old release rejects events without it);
 * - a value's type changed, in either direction (`string` → `number`, `string` → `string | null`);
 * - an enum (or const) value removed, or an enum added where any value was accepted;
 * - a format or pattern added or changed; a default changed;
 * - a lower bound (minLength, minimum, exclusiveMinimum, minItems, minProperties) raised or added,
 *   an upper bound (maxLength, maximum, exclusiveMaximum, maxItems, maxProperties) lowered or added,
 *   multipleOf or uniqueItems added or changed;
 * - additional properties forbidden or restricted where they were allowed;
 * - any other JSON Schema keyword (allOf, not, $ref, propertyNames, …) changed: it cannot be
 *   judged here, so it is reported for a person to decide (and `--force` the baseline).
 * Compatible (not reported): new optional properties, new event types and envelopes, enum values
 * added, bounds relaxed, a format or pattern dropped, descriptions and other annotations changed.
 * Refinements that JSON Schema cannot express (`toQueue, toAgentId or toEndpoint`) are not seen here.
 */

export type JsonSchema = boolean | JsonSchemaObject;

export interface JsonSchemaObject {
  [keyword: string]: unknown;
}

export interface PublishedEventContract {
  /** The data schema's version (the envelope's `dataversion`). */
  version: string;
  publishedBy?: string;
  description?: string;
  /** JSON Schema of `data`. */
  data: JsonSchema;
}

/** A snapshot of every published contract, as stored in `libs/contracts/published/v1.json`. */
export interface ContractSnapshot {
  /** JSON Schemas of the envelopes, by name (`cloudEvent`, `incomingEvent`). */
  envelopes: Record<string, JsonSchema>;
  /** Every event type's contract, by type. */
  events: Record<string, PublishedEventContract>;
}

/** Lists every incompatible change from `baseline` to `current`; empty when compatible. */
export function checkCompatibility(baseline: ContractSnapshot, current: ContractSnapshot): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(baseline.envelopes)) {
    const subject = `envelope '${name}'`;
    if (!Object.hasOwn(current.envelopes, name)) {
      problems.push(`${subject}: removed`);
      continue;
    }
    for (const change of compareSchemas(schema, current.envelopes[name])) {
      problems.push(`${subject}: ${change}`);
    }
  }
  for (const [type, published] of Object.entries(baseline.events)) {
    const subject = `event '${type}'`;
    if (!Object.hasOwn(current.events, type)) {
      problems.push(`${subject}: event type removed`);
      continue;
    }
    const now = current.events[type];
    if (now.version !== published.version) {
      const was = published.version;
      problems.push(`${subject}: version changed from '${was}' to '${now.version}' (version '${was}' must stay published alongside)`);
      continue;
    }
    for (const change of compareSchemas(published.data, now.data, 'data')) {
      problems.push(`${subject}: ${change}`);
    }
  }
  return problems;
}

/**
 * Lists the incompatible changes between two JSON Schemas, each as `<path>: <what>`, where the path
 * names properties with dots, array items with `[]` and additional properties with `.*`.
 */
export function compareSchemas(baseline: JsonSchema, current: JsonSchema, path = ''): string[] {
  const problems: string[] = [];
  compare(normalize(baseline), normalize(current), path, problems);
  return problems;
}

/** Keywords that never change what a schema accepts. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding',
]);

/** Keywords `compare` understands; any other one is compared for equality only. */
const HANDLED = new Set([
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'default',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'anyOf',
  'oneOf',
]);

const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;

function compare(baseline: JsonSchemaObject, current: JsonSchemaObject, path: string, out: string[]): void {
  if (deepEqual(baseline, current) || isNothing(baseline)) {
    return; // unchanged, or nothing was ever accepted here
  }
  const at = (what: string) => out.push(`${path || '(root)'}: ${what}`);

  if (alternatives(baseline) || alternatives(current)) {
    compareAlternatives(baseline, current, path, out);
    return;
  }

  if (typeSet(baseline) !== typeSet(current)) {
    at(`type changed from ${typeSet(baseline)} to ${typeSet(current)}`);
    return; // what else differs follows from the new type
  }
  compareEnums(baseline, current, at);

  if (current['format'] !== undefined && current['format'] !== baseline['format']) {
    at(
      baseline['format'] === undefined
        ? `format '${String(current['format'])}' added`
        : `format changed from '${String(baseline['format'])}' to '${String(current['format'])}'`,
    );
  }
  if (current['pattern'] !== undefined && current['pattern'] !== baseline['pattern']) {
    at(baseline['pattern'] === undefined ? `pattern added` : `pattern changed`);
  }
  if (!deepEqual(baseline['default'], current['default'])) {
    at(`default changed from ${show(baseline['default'])} to ${show(current['default'])}`);
  }
  for (const bound of LOWER_BOUNDS) {
    compareBound(bound, baseline[bound], current[bound], (was, now) => now > was, at);
  }
  for (const bound of UPPER_BOUNDS) {
    compareBound(bound, baseline[bound], current[bound], (was, now) => now < was, at);
  }
  if (current['multipleOf'] !== undefined && current['multipleOf'] !== baseline['multipleOf']) {
    at(`multipleOf changed from ${show(baseline['multipleOf'])} to ${show(current['multipleOf'])}`);
  }
  if (current['uniqueItems'] === true && baseline['uniqueItems'] !== true) {
    at('uniqueItems added');
  }

  compareProperties(baseline, current, path, out);
  compareAdditionalProperties(baseline, current, path, at, out);
  compareItems(baseline, current, path, out);

  const keywords = new Set([...Object.keys(baseline), ...Object.keys(current)]);
  for (const keyword of keywords) {
    if (!HANDLED.has(keyword) && !ANNOTATIONS.has(keyword) && !deepEqual(baseline[keyword], current[keyword])) {
      at(`keyword '${keyword}' changed; its compatibility cannot be checked automatically`);
    }
  }
}

function compareEnums(baseline: JsonSchemaObject, current: JsonSchemaObject, at: (what: string) => void): void {
  const was = allowedValues(baseline);
  const now = allowedValues(current);
  if (now === undefined) {
    return;
  }
  if (was === undefined) {
    at(`enum added (only ${now.map(show).join(', ')} accepted)`);
    return;
  }
  for (const value of was) {
    if (!now.some((candidate) => deepEqual(candidate, value))) {
      at(`enum value ${show(value)} removed`);
    }
  }
}

function compareBound(
  bound: string,
  was: unknown,
  now: unknown,
  tighter: (was: number, now: number) => boolean,
  at: (what: string) => void,
): void {
  if (typeof now !== 'number') {
    return; // no bound now: relaxed or unchanged
  }
  if (typeof was !== 'number') {
    at(`${bound} ${now} added`);
  } else if (tighter(was, now)) {
    at(`${bound} tightened from ${was} to ${now}`);
  }
}

function compareProperties(baseline: JsonSchemaObject, current: JsonSchemaObject, path: string, out: string[]): void {
  const wasProperties = record(baseline['properties']);
  const nowProperties = record(current['properties']);
  const wasRequired = stringList(baseline['required']);
  const nowRequired = stringList(current['required']);

  for (const [name, schema] of Object.entries(wasProperties)) {
    const child = join(path, name);
    if (!Object.hasOwn(nowProperties, name)) {
      out.push(`${child}: property removed`);
      continue;
    }
    compare(normalize(schema as JsonSchema), normalize(nowProperties[name] as JsonSchema), child, out);
    if (wasRequired.includes(name) && !nowRequired.includes(name)) {
      out.push(`${child}: required property made optional`);
    }
  }
  for (const name of nowRequired) {
    if (wasRequired.includes(name)) {
      continue;
    }
    const known = Object.hasOwn(wasProperties, name);
    out.push(`${join(path, name)}: ${known ? 'optional property made required' : 'new required property'}`);
  }
}

function compareAdditionalProperties(
  baseline: JsonSchemaObject,
  current: JsonSchemaObject,
  path: string,
  at: (what: string) => void,
  out: string[],
): void {
  // Absent, `true` and `{}` all allow any additional property.
  const was = normalize((baseline['additionalProperties'] ?? true) as JsonSchema);
  const now = normalize((current['additionalProperties'] ?? true) as JsonSchema);
  if (isAnything(now) || deepEqual(was, now)) {
    return;
  }
  if (isNothing(now)) {
    at('additional properties no longer allowed');
  } else if (isAnything(was)) {
    at('additional properties restricted');
  } else {
    compare(was, now, join(path, '*'), out);
  }
}

function compareItems(baseline: JsonSchemaObject, current: JsonSchemaObject, path: string, out: string[]): void {
  if (baseline['items'] !== undefined || current['items'] !== undefined) {
    const was = normalize((baseline['items'] ?? true) as JsonSchema);
    const now = normalize((current['items'] ?? true) as JsonSchema);
    compare(was, now, `${path}[]`, out);
  }
  const wasTuple = Array.isArray(baseline['prefixItems']) ? (baseline['prefixItems'] as JsonSchema[]) : [];
  const nowTuple = Array.isArray(current['prefixItems']) ? (current['prefixItems'] as JsonSchema[]) : [];
  for (let index = 0; index < Math.max(wasTuple.length, nowTuple.length); index++) {
    compare(normalize(wasTuple[index] ?? true), normalize(nowTuple[index] ?? true), `${path}[${index}]`, out);
  }
}

/**
 * Unions: every alternative the baseline accepted must still be accepted by some current one,
 * and every current alternative must correspond to a baseline one (a new alternative changes the
 * value's type, e.g. a field made nullable).
 */
function compareAlternatives(baseline: JsonSchemaObject, current: JsonSchemaObject, path: string, out: string[]): void {
  const was = alternatives(baseline) ?? [baseline];
  const now = alternatives(current) ?? [current];
  for (const option of was) {
    const attempts = now.map((candidate) => {
      const problems: string[] = [];
      compare(option, candidate, path, problems);
      return problems;
    });
    if (!attempts.some((problems) => problems.length === 0)) {
      const closest = attempts.reduce((best, problems) => (problems.length < best.length ? problems : best));
      out.push(...closest);
    }
  }
  for (const option of now) {
    const matched = was.some((previous) => {
      const problems: string[] = [];
      compare(previous, option, path, problems);
      return problems.length === 0;
    });
    if (!matched) {
      out.push(`${path || '(root)'}: new alternative ${typeSet(option)} (the value's type changed)`);
    }
  }
  // Keywords beside anyOf/oneOf (a default, a description) are compared on their own.
  if (alternatives(baseline) && alternatives(current)) {
    compare(withoutAlternatives(baseline), withoutAlternatives(current), path, out);
  }
}

function alternatives(schema: JsonSchemaObject): JsonSchemaObject[] | undefined {
  const options = schema['anyOf'] ?? schema['oneOf'];
  return Array.isArray(options) ? options.map((option) => normalize(option as JsonSchema)) : undefined;
}

function withoutAlternatives(schema: JsonSchemaObject): JsonSchemaObject {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
  return rest;
}

/** `true` accepts anything (`{}`), `false` nothing (`{ not: {} }`). */
function normalize(schema: JsonSchema | undefined): JsonSchemaObject {
  if (schema === undefined || schema === true) {
    return {};
  }
  if (schema === false) {
    return { not: {} };
  }
  return schema;
}

function isAnything(schema: JsonSchemaObject): boolean {
  return Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword));
}

function isNothing(schema: JsonSchemaObject): boolean {
  const not = schema['not'];
  return typeof not === 'object' && not !== null && isAnything(not as JsonSchemaObject);
}

/** The JSON types a schema accepts, sorted and joined by '|', or 'any'. */
function typeSet(schema: JsonSchemaObject): string {
  const type = schema['type'];
  if (type === undefined) {
    const values = allowedValues(schema);
    return values === undefined ? 'any' : [...new Set(values.map(jsonType))].sort().join('|');
  }
  return [...new Set(Array.isArray(type) ? type.map(String) : [String(type)])].sort().join('|');
}

function allowedValues(schema: JsonSchemaObject): unknown[] | undefined {
  if (Array.isArray(schema['enum'])) {
    return schema['enum'] as unknown[];
  }
  return Object.hasOwn(schema, 'const') ? [schema['const']] : undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function show(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every((key) => Object.hasOwn(bRecord, key) && deepEqual((a as Record<string, unknown>)[key], bRecord[key]))
  );
}
