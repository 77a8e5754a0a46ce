import type { AccessDenied } from '@hotline/contracts';

export type AccessDeniedReason = AccessDenied['reason'];

/**
 * The auth guard's reasons in the catalogue's words. Failures of people's JWTs (invalid, expired,
 * missing role) are not counted: `access.denied` is about platforms' API keys, and a JWT cannot be
 * guessed. Absent credentials count as `missing_key` even on a JWT route: the guard does not say
 * which kind the route wanted, and probing without credentials is worth knowing either way.
 */
const REASONS: Readonly<Record<string, AccessDeniedReason>> = {
  'missing-credentials': 'missing_key',
  'unknown-api-key': 'unknown_key',
  'revoked-api-key': 'revoked_key',
  'missing-scope': 'wrong_scope',
  'invalid-signature': 'bad_signature',
};

/** An authentication failure as the platform's guard reports it (its `AuthFailure`, seen from here). */
export interface FailedAttempt {
  /** The guard's reason, e.g. `unknown-api-key`. */
  reason: string;
  keyPrefix?: string;
  remoteAddress?: string;
  route: string;
}

/** A failure worth counting: its catalogue reason and the origin it is counted under. */
export interface Denial {
  reason: AccessDeniedReason;
  /** What failures are counted together under (see `deniedOrigin`). */
  origin: string;
  keyPrefix?: string;
  remoteAddress?: string;
  route: string;
}

/** The failure as a denial to count, or undefined when it is not one `access.denied` reports. */
export function toDenial(failure: FailedAttempt): Denial | undefined {
  const reason = Object.hasOwn(REASONS, failure.reason) ? REASONS[failure.reason] : undefined;
  if (!reason) return undefined;
  const remoteAddress = failure.remoteAddress ? plainAddress(failure.remoteAddress) : undefined;
  return {
    reason,
    origin: deniedOrigin(reason, remoteAddress, failure.keyPrefix),
    ...(failure.keyPrefix === undefined ? {} : { keyPrefix: failure.keyPrefix }),
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
    route: failure.route,
  };
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) as `10.0.0.1`, the way people write it. */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d{1,3}(\.\d{1,3}){3}$)/i, '');
}

/**
 * Failures are counted per reason and client address (the event reports one reason, as the
 * catalogue says), and per key prefix when the prefix names a real key (revoked, wrong scope). An
 * unknown key's prefix is whatever the client made up, so someone trying a new random key on each
 * request is still one origin.
 */
export function deniedOrigin(reason: AccessDeniedReason, remoteAddress: string | undefined, keyPrefix: string | undefined): string {
  const byKey = reason === 'revoked_key' || reason === 'wrong_scope';
  return JSON.stringify([reason, remoteAddress ?? null, byKey ? (keyPrefix ?? null) : null]);
}

/** The catalogue's limits on `access.denied` data: a long route or address is cut, never rejected. */
const LIMITS = { keyPrefix: 32, remoteAddress: 100, route: 200 } as const;

/** The `access.denied` data for a denial reported after `attempts` failures. */
export function accessDeniedData(denial: Denial, attempts: number, keyPrefix: string | undefined): AccessDenied {
  return {
    reason: denial.reason,
    ...(keyPrefix === undefined ? {} : { keyPrefix: keyPrefix.slice(0, LIMITS.keyPrefix) }),
    ...(denial.remoteAddress ? { remoteAddress: denial.remoteAddress.slice(0, LIMITS.remoteAddress) } : {}),
    route: denial.route.slice(0, LIMITS.route) || 'unknown',
    attempts,
  };
}
