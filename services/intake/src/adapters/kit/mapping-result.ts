import type { FieldError } from './field-error';
import type { MappedEvent } from './mapped-event';

/**
 * What every adapter's mapping returns, for one record or a whole delivery: the events it yields,
 * a record the platform sends that means nothing to Hotline (answered 200, nothing stored), or
 * every field that stops it from being mapped (answered 422, nothing stored).
 */
export type MappingResult =
  | { outcome: 'mapped'; events: MappedEvent[] }
  | { outcome: 'ignored'; eventType: string; reason: string }
  | { outcome: 'unmappable'; eventType?: string; errors: FieldError[] };

export const mapped = (events: MappedEvent[]): MappingResult => ({ outcome: 'mapped', events });

export const unmappable = (errors: FieldError[], eventType?: string): MappingResult =>
  eventType === undefined ? { outcome: 'unmappable', errors } : { outcome: 'unmappable', eventType, errors };

/** The events of `result`, none when it was not mapped. */
export const eventsOf = (result: MappingResult): MappedEvent[] => (result.outcome === 'mapped' ? result.events : []);

/** The errors of `result`, none when it was mapped or ignored. */
export const errorsOf = (result: MappingResult): FieldError[] => (result.outcome === 'unmappable' ? result.errors : []);

/**
 * Maps every record of a delivery; any unmappable record makes the whole delivery unmappable
 * (nothing is half-taken), each error carrying its record's index when the delivery held several.
 * Ignored records add nothing.
 */
export function mapEach(
  records: readonly unknown[],
  batch: boolean,
  mapOne: (record: unknown) => MappingResult,
  emptyMessage?: string,
): MappingResult {
  const events: MappedEvent[] = [];
  const errors: FieldError[] = [];
  records.forEach((record, index) => {
    const result = mapOne(record);
    events.push(...eventsOf(result));
    errors.push(...errorsOf(result).map((error) => (batch ? { ...error, index } : error)));
  });
  if (records.length === 0 && emptyMessage) errors.push({ ...(batch ? { index: 0 } : {}), path: '', message: emptyMessage });
  return errors.length > 0 ? unmappable(errors) : mapped(events);
}
