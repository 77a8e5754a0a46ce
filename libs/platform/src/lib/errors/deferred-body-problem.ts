import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { ProblemException } from './problem';

const DEFERRED = Symbol('hotline:deferred-body-problem');

type DeferringRequest = Request & { [DEFERRED]?: ProblemException };

/**
 * Keeps a body's problem (malformed JSON, too large, too deep) for after authentication: the body
 * middleware runs before the guard, but an anonymous caller must get its 401 first and learn
 * nothing about how the body is checked. The body is dropped, so nothing reads it meanwhile.
 */
export function deferBodyProblem(req: Request, problem: ProblemException): void {
  (req as DeferringRequest)[DEFERRED] = problem;
  req.body = undefined;
}

/** Global, after the guards and before any pipe or handler: answers the deferred body problem. */
@Injectable()
export class DeferredBodyProblemInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const problem = context.getType() === 'http' ? context.switchToHttp().getRequest<DeferringRequest>()[DEFERRED] : undefined;
    if (problem) throw problem;
    return next.handle();
  }
}
