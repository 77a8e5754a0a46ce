/** Optional hook: when a service provides it, the auth guard reports every rejected request to it. */
export const AUTH_FAILURE_LISTENER = Symbol('HOTLINE_AUTH_FAILURE_LISTENER');

export type AuthFailureReason =
  | 'missing-credentials'
  | 'invalid-token'
  | 'expired-token'
  | 'missing-role'
  | 'unknown-api-key'
  | 'revoked-api-key'
  | 'missing-scope';

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
