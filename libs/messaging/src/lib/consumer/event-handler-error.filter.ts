import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces any error with "Internal server error"; event handlers need
 * the original, so the transport can tell a PermanentFailure from a transient one and record the
 * reason on the dead letter. Register it on the microservice: `app.useGlobalFilters(new ...)`.
 */
@Catch()
export class EventHandlerErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
