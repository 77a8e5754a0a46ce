import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DocumentRouteAuth } from '../docs/route-auth';

export const API_KEY_AUTH = 'hotline:auth:api-key';

export interface ApiKeyRequirement {
  scope?: string;
}

/** The route takes a platform API key (`Authorization: Bearer hlk_…`), with `scope` if given, instead of a JWT. */
export const ApiKeyAuth = (scope?: string) =>
  applyDecorators(
    SetMetadata(API_KEY_AUTH, { scope } satisfies ApiKeyRequirement),
    DocumentRouteAuth({ kind: 'api-key', ...(scope === undefined ? {} : { scope }) }),
  );
