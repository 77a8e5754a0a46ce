import type { Request } from 'express';

/** Who made the request: a person with a JWT, or a call-centre platform with an API key. */
export type Principal =
  | { kind: 'jwt'; subject: string; tenantId: string; roles: string[] }
  | { kind: 'api-key'; keyId: string; tenantId: string; scopes: string[] };

export type AuthenticatedRequest = Request & { principal?: Principal };
