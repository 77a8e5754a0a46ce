import type { z } from 'zod';

/**
 * Who may publish an event type: integrators' platforms, one of our services, or every one of them
 * (`audit.recorded`: each service audits its own routes, DESIGN decision 13).
 */
export type Publisher = 'platform' | 'intake' | 'dispatch' | 'quality' | 'security' | 'any service';

/** The schema of an event's `data`: always a JSON object. */
export type EventDataSchema = z.ZodType<Record<string, unknown>>;

/**
 * One event type, defined once: its runtime schema and (through `z.infer`) its compile-time type.
 *
 * Every data schema is a *loose* object (`z.looseObject`), nested objects included: fields we do
 * not know are kept, not stripped or rejected. Integrators may send more optional fields, and a
 * consumer still on the previous release keeps (and passes on) the optional fields a newer
 * producer added, which is what lets a schema grow compatibly during a rolling upgrade.
 */
export interface EventDefinition<
  T extends string = string,
  P extends Publisher = Publisher,
  S extends EventDataSchema = EventDataSchema,
> {
  /** `<entity>.<past-tense verb>`; also the routing key. */
  readonly type: T;
  /** The data schema's version, carried as the envelope's `dataversion`. */
  readonly version: string;
  readonly description: string;
  readonly publishedBy: P;
  readonly data: S;
}

const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const VERSION_PATTERN = /^[1-9][0-9]*$/;

export function defineEvent<const T extends string, const P extends Publisher, S extends EventDataSchema>(
  definition: EventDefinition<T, P, S>,
): EventDefinition<T, P, S> {
  if (!EVENT_TYPE_PATTERN.test(definition.type)) {
    throw new Error(`Event type '${definition.type}' is not <entity>.<past_tense_verb> in lowercase`);
  }
  if (!VERSION_PATTERN.test(definition.version)) {
    throw new Error(`Event type '${definition.type}' has version '${definition.version}': expected '1', '2', …`);
  }
  return Object.freeze({ ...definition });
}
