import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { correlationIdFor } from '../logging/correlation-id';
import { PROBLEM_CONTENT_TYPE, ProblemException } from './problem';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable-dependency';
import { toProblem } from './to-problem';

/** Answers every HTTP error with an RFC 9457 application/problem+json document. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status === 503) this.logger.warn(`answered 503: ${(exception as Error)?.message ?? exception}`);
    else if (problem.status >= 500) this.logger.error(exception);
    if (res.headersSent) {
      res.end();
      return;
    }
    // Errors raised before the correlation middleware ran (body parsing) still get an id to quote.
    correlationIdFor(req, res);
    if (exception instanceof ProblemException) res.set(exception.headers);
    if (problem.status === 503 && !res.get('Retry-After')) res.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }
}
