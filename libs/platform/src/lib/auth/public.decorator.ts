import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { SecuritySchemeObject } from '@nestjs/swagger';
import { DocumentRouteAuth } from '../docs/route-auth';

export const IS_PUBLIC = 'hotline:auth:public';

/** Opens a route or controller to unauthenticated callers (health, metrics); documented with no security. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), DocumentRouteAuth({ kind: 'public' }));

/**
 * Lets a route past the guard because its handler authenticates the request itself, e.g. by a
 * platform's signature (Twilio's X-Twilio-Signature); documented with that scheme, named `name`.
 */
export const AuthenticatesItself = (name: string, scheme: SecuritySchemeObject) =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), DocumentRouteAuth({ kind: 'self', name, scheme }));
