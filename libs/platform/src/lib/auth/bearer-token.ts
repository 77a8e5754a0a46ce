import type { Request } from 'express';

/** The credential from `Authorization: Bearer <credential>`, if any. */
export function bearerToken(req: Request): string | undefined {
  const [scheme, credential, ...rest] = (req.headers.authorization ?? '').trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && credential && rest.length === 0 ? credential : undefined;
}
