import type { CloudEvent } from '@hotline/contracts';

/** When the event happened (the envelope's time), or now if it carries none that parses. */
export function timeOf(event: Pick<CloudEvent, 'time'>): Date {
  const at = new Date(event.time ?? Number.NaN);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}
