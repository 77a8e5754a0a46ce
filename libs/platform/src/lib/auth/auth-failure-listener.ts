/**
 * Optional hook: when a service provides it, the auth guard reports every rejected request to it
 * (and so do routes that check a platform's signature themselves).
 */
export const AUTH_FAILURE_LISTENER = Symbol('HOTLINE_AUTH_FAILURE_LISTENER');

/** Why the auth guard refused a request. */
export type GuardFailureReason =
  | 'missing-credentials'
  | 'invalid-token'
  | 'expired-token'
  | 'missing-role'
  | 'unknown-api-key'
  | 'revoked-api-key'
  | 'missing-scope';

/** The guard's reasons, and `invalid-signature` from routes that check a platform's own signature (Twilio). */
export type AuthFailureReason = GuardFailureReason | 'invalid-signature';

export interface AuthFailure {
  reason: AuthFailureReason;
  /** `hlk_<id>` of the API key presented, when it was one. */
  keyPrefix?: string;
  remoteAddress?: string;
  /** Method and route pattern, e.g. `POST /v1/events`. */
  route: string;
}

export interface AuthFailureListener {
  onAuthFailure(failure: AuthFailure): void;
}
