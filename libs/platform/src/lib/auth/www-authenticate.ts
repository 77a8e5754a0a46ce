import type { GuardFailureReason } from './auth-failure-listener';

/** RFC 6750 §3.1 error codes, per refusal; no code when no credentials were sent at all. */
const BEARER_ERRORS: Partial<Record<GuardFailureReason, string>> = {
  'invalid-token': 'invalid_token',
  'expired-token': 'invalid_token',
  'unknown-api-key': 'invalid_token',
  'revoked-api-key': 'invalid_token',
  'missing-role': 'insufficient_scope',
  'missing-scope': 'insufficient_scope',
};

/** The `WWW-Authenticate` challenge for a refusal: `Bearer realm="hotline"`, with `error` and its description. */
export function bearerChallenge(reason: GuardFailureReason, description: string): string {
  const error = BEARER_ERRORS[reason];
  if (!error) return 'Bearer realm="hotline"';
  // A quoted-string may not hold `"` or `\` unescaped (RFC 9110 §5.6.4).
  return `Bearer realm="hotline", error="${error}", error_description="${description.replace(/["\\]/g, '\\$&')}"`;
}
