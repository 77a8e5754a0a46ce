import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hotline:auth:public';

/** Opens a route or controller to unauthenticated callers (health, metrics). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
