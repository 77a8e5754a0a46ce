/**
 * The longest a JWT signed with the shared JWT_SECRET may live, counted from its `iat` (or from now
 * when it has none): anyone holding the secret can sign one, so a leaked token must die soon.
 * Tokens from an identity provider (JWKS_URL) live as long as the provider says.
 */
export const MAX_DEV_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Whether a token expiring at `exp` (issued at `iat`, if given) outlives the bound, at `now` (all epoch seconds). */
export function outlivesDevTokenBound(exp: number, iat: number | undefined, now: number): boolean {
  return exp - Math.min(iat ?? now, now) > MAX_DEV_TOKEN_LIFETIME_SECONDS;
}
