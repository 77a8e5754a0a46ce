import type { JWTPayload } from 'jose';

/**
 * A claim by its configured name: the claim of that whole name if there is one (Auth0's
 * `https://example.com/roles`), else the dotted path into nested objects (`realm_access.roles`).
 */
export function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}
