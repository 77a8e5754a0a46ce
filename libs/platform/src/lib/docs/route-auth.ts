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

/**
 * The vendor extension naming the roles a JWT route needs (any one of them), as `@Roles` declares
 * them; it stays in the served document, where clients and the route-walk test read it.
 */
export const ROUTE_ROLES_EXTENSION = 'x-hotline-roles';

/** Marks a route (or every route of a controller; a route's own mark wins) with the roles it needs. */
export const DocumentRouteRoles = (roles: readonly string[]): ClassDecorator & MethodDecorator =>
  ApiExtension(ROUTE_ROLES_EXTENSION, [...roles]);
