import type { EventDataInput, PlatformEventType } from '@hotline/contracts';

/**
 * A catalogue event as `POST /v1/events` takes it, built by an adapter from a platform's record:
 * its `data` is typed by the catalogue's own definition of its type.
 */
export type MappedEvent<K extends PlatformEventType = PlatformEventType> = K extends PlatformEventType
  ? { id: string; source: string; type: K; time: string; data: EventDataInput<K> }
  : never;

/** How a contact reached the centre, as the catalogue names it (`contactChannel`). */
export type ContactChannel = EventDataInput<'contact.queued'>['channel'];

/** Builds a mapped event of `type`, its data checked against the catalogue's type. */
export function mappedEvent<K extends PlatformEventType>(
  type: K,
  envelope: { id: string; source: string; time: string },
  data: EventDataInput<K>,
): MappedEvent<K> {
  return { ...envelope, type, data: compact(data) } as MappedEvent<K>;
}

/** Drops the optional fields the record had no value for. */
export function compact<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}
