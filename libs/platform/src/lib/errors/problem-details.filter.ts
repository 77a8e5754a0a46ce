import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { correlationIdFor } from '../logging/correlation-id';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './to-problem';

/** Answers every HTTP error with an RFC 9457 application/problem+json document. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception);
    if (res.headersSent) {
      res.end();
      return;
    }
    // Errors raised before the correlation middleware ran (body parsing) still get an id to quote.
    correlationIdFor(req, res);
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }
}
