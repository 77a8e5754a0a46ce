import { type ArgumentsHost, Catch, type ExceptionFilter, type PipeTransform } from '@nestjs/common';
import type { NextFunction } from 'express';
import { alertIdParam } from './alert-requests';

/** Thrown where `:alertId` holds no alert id: the request is not this route's. */
class NotAnAlertId extends Error {}

/**
 * `GET /v1/alerts/:alertId` takes alert ids (UUIDs) only. Any other segment (`stream`, alert
 * delivery's route) is passed on to the routes registered after it, Express's `next('route')`,
 * so neither route depends on the order the modules register theirs in; when no later route
 * matches, the answer is the router's 404.
 */
export class AlertIdOrNextRoute implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!alertIdParam.safeParse(value).success) throw new NotAnAlertId();
    return value;
  }
}

/** Goes on to the next matching route (see AlertIdOrNextRoute). */
@Catch(NotAnAlertId)
export class NextRouteFilter implements ExceptionFilter {
  catch(_exception: NotAnAlertId, host: ArgumentsHost): void {
    host.switchToHttp().getNext<NextFunction>()();
  }
}
