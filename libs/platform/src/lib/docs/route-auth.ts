import { ApiExtension, type SecuritySchemeObject } from '@nestjs/swagger';

/** The vendor extension through which the auth decorators tell the document builder how a route authenticates. */
export const ROUTE_AUTH_EXTENSION = 'x-hotline-auth';

/**
 * How a route authenticates, as documented: a JWT unless marked (the guard's default), open to
 * anyone, a platform API key (with a scope), or a scheme the handler checks itself.
 */
export type RouteAuth =
  | { kind: 'public' }
  | { kind: 'api-key'; scope?: string }
  | { kind: 'self'; name: string; scheme: SecuritySchemeObject };

/** Marks a route (or every route of a controller) with how it authenticates, for the OpenAPI document. */
export const DocumentRouteAuth = (auth: RouteAuth): ClassDecorator & MethodDecorator =>
  ApiExtension(ROUTE_AUTH_EXTENSION, auth);
