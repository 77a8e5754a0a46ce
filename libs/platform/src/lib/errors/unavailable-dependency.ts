import { type Problem, problem } from './problem';

/** How long a client should wait before retrying while a dependency is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// Connection-level failures (node and PostgreSQL SQLSTATE classes 08 and 57P): the request was not
// applied and may be retried; anything else is a bug and stays a 500.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const SQLSTATE_UNAVAILABLE = /^(08|57P0[1-3]|53300)/;
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** 503 for an error that means the database could not be reached, so nothing was kept. */
export function problemForUnavailableDependency(exception: unknown): Problem | undefined {
  if (!isUnavailable(exception)) return undefined;
  return problem({ status: 503, detail: 'A dependency is unavailable; nothing was stored. Retry later.' });
}

function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || SQLSTATE_UNAVAILABLE.test(code))) return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  return isUnavailable(driverError, depth + 1) || isUnavailable(cause, depth + 1);
}
