import { Module } from '@nestjs/common';
import { AUTH_FAILURE_LISTENER } from '@hotline/platform';
import { AccessDeniedListener } from './access-denied.listener';

/**
 * Provides the auth guard's AUTH_FAILURE_LISTENER. The guard finds it anywhere in the module tree
 * (`findAppProvider`, non-strict), so importing this module once is enough; ApiKeysModule does.
 */
@Module({
  providers: [{ provide: AUTH_FAILURE_LISTENER, useClass: AccessDeniedListener }],
  exports: [AUTH_FAILURE_LISTENER],
})
export class AccessGuardModule {}
