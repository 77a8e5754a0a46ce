import { Module } from '@nestjs/common';
import { AUTH_FAILURE_LISTENER } from '@hotline/platform';
import { AccessDeniedListener } from './access-denied.listener';

/**
 * The AUTH_FAILURE_LISTENER that turns repeated authentication failures into `access.denied`
 * events: given to the platform's auth guard in AppModule, and to the Twilio callback route.
 */
@Module({
  providers: [{ provide: AUTH_FAILURE_LISTENER, useClass: AccessDeniedListener }],
  exports: [AUTH_FAILURE_LISTENER],
})
export class AccessGuardModule {}
