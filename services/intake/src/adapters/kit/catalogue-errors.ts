import { validateIncomingEvent } from '@hotline/contracts';
import type { FieldError } from './field-error';
import type { MappedEvent } from './mapped-event';

/**
 * Checks a mapped event against the catalogue, so a value the catalogue refuses (a queue name too
 * long, say) is reported on the platform field it came from rather than as an error in an event
 * the platform never sent. `fieldOf` names that field for an event path; `record` names what was
 * mapped ("record", "conversation", "callback").
 */
export function catalogueErrors(event: MappedEvent, record: string, fieldOf: (eventPath: string) => string | undefined): FieldError[] {
  const result = validateIncomingEvent(event);
  if (result.ok) return [];
  return result.errors.map((issue) => ({
    path: fieldOf(issue.path) ?? issue.path,
    message: `${issue.message} (as ${issue.path} of the ${event.type} event mapped from this ${record})`,
  }));
}

/** Each field reported once: a value shared by several events (a queue name) is named by the first. */
export function firstPerField(errors: readonly FieldError[]): FieldError[] {
  return errors.filter((error, i) => errors.findIndex((other) => other.path === error.path) === i);
}
