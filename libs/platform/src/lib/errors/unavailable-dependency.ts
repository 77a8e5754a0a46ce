import { isDependencyUnavailable } from '@hotline/messaging';
import { type Problem, problem } from './problem';

/** How long a client should wait before retrying while a dependency is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** 503 for an error that means the database could not be reached, so nothing was kept. */
export function problemForUnavailableDependency(exception: unknown): Problem | undefined {
  if (!isDependencyUnavailable(exception)) return undefined;
  return problem({ status: 503, detail: 'A dependency is unavailable; nothing was stored. Retry later.' });
}
