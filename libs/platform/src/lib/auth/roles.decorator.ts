import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DocumentRouteRoles } from '../docs/route-auth';
import type { Role } from './roles';

export const REQUIRED_ROLES = 'hotline:auth:roles';

/** A JWT route open only to holders of at least one of these roles; the OpenAPI document names them. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), DocumentRouteRoles(roles));
