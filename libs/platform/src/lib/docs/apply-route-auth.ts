import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { operationsOf } from './openapi-operations';
import { ROUTE_AUTH_EXTENSION, ROUTE_ROLES_EXTENSION, type RouteAuth } from './route-auth';
import { API_KEY_SECURITY, JWT_SECURITY, SECURITY_SCHEMES } from './security-schemes';

/** The 401 and 403 the guard answers, per kind of credential. */
const GUARD_RESPONSES: Record<'jwt' | 'api-key', Record<string, ResponseObject>> = {
  jwt: {
    '401': { description: 'No bearer JWT, or one that is invalid or expired' },
    '403': { description: 'None of your roles may use this route' },
  },
  'api-key': {
    '401': { description: 'No API key, or one that is not recognised' },
    '403': { description: 'The API key is revoked or lacks the scope this route needs' },
  },
};

/** What the guard answers a client that failed an admin-only route too often (ADMIN_THROTTLE_*). */
const ADMIN_THROTTLE_RESPONSE: Record<string, ResponseObject> = {
  '429': { description: 'Too many failed attempts on this admin route from your address; retry after `Retry-After` seconds' },
};

/**
 * Gives every operation the security it really has, from the auth decorators' marks: a JWT by
 * default (the document's global requirement), none for `@Public()`, the API-key scheme for
 * `@ApiKeyAuth()`, or the route's own scheme (`AuthenticatesItself`), which is declared too. Adds
 * the guard's 401/403 where a route does not document them already, and says which roles a JWT
 * route needs (`x-hotline-roles`, kept in the document, and in its description).
 */
export function applyRouteAuth(document: OpenAPIObject): void {
  const schemes = { ...SECURITY_SCHEMES, ...document.components?.securitySchemes };
  document.security = [{ [JWT_SECURITY]: [] }];
  for (const { operation } of operationsOf(document)) {
    const extensions = operation as unknown as Record<string, unknown>;
    const auth = extensions[ROUTE_AUTH_EXTENSION] as RouteAuth | undefined;
    delete extensions[ROUTE_AUTH_EXTENSION];
    switch (auth?.kind) {
      case undefined: {
        delete operation.security;
        addMissing(operation, GUARD_RESPONSES.jwt);
        const roles = extensions[ROUTE_ROLES_EXTENSION] as string[] | undefined;
        if (roles?.length) operation.description = withNeed(operation.description, `Needs a JWT with one of the roles: ${roles.join(', ')}.`);
        if (roles?.length && roles.every((role) => role === 'admin')) addMissing(operation, ADMIN_THROTTLE_RESPONSE);
        break;
      }
      case 'public':
        operation.security = [];
        break;
      case 'api-key':
        operation.security = [{ [API_KEY_SECURITY]: [] }];
        if (auth.scope) operation.description = withScope(operation.description, auth.scope);
        addMissing(operation, GUARD_RESPONSES['api-key']);
        break;
      case 'self':
        schemes[auth.name] = auth.scheme;
        operation.security = [{ [auth.name]: [] }];
        break;
    }
  }
  document.components = { ...document.components, securitySchemes: schemes };
}

function withScope(description: string | undefined, scope: string): string {
  return withNeed(description, `Needs an API key with the \`${scope}\` scope.`);
}

function withNeed(description: string | undefined, needs: string): string {
  return description ? `${description}\n\n${needs}` : needs;
}

function addMissing(operation: OperationObject, responses: Record<string, ResponseObject>): void {
  for (const [status, response] of Object.entries(responses)) operation.responses[status] ??= response;
}
