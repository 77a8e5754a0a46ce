import type { Request } from 'express';

/** The matched route's pattern (`/v1/cases/:id`), not the raw URL; 'unmatched' when no route matched. */
export function routePattern(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}
