/** Port for checking platform API keys; intake, which owns the key table, provides it. */
export const API_KEY_VERIFIER = Symbol('HOTLINE_API_KEY_VERIFIER');

export interface ApiKeyPrincipal {
  keyId: string;
  tenantId: string;
  scopes: string[];
}

export type ApiKeyCheck = { status: 'valid'; principal: ApiKeyPrincipal } | { status: 'revoked' | 'unknown' };

export interface ApiKeyVerifier {
  verify(rawKey: string): Promise<ApiKeyCheck>;
}
