import type { NextFunction, Request, Response } from 'express';
import { ValidationProblem } from '../errors/problem';
import { malformedUrlErrors } from './malformed-url-errors';

/**
 * Express middleware ahead of everything else: a URL that is not valid percent-encoded UTF-8 is a
 * 400 problem naming the parameter, before any parser, router or handler guesses at its meaning.
 */
export function refuseMalformedUrls(req: Request, _res: Response, next: NextFunction): void {
  const errors = malformedUrlErrors(req.originalUrl ?? req.url);
  next(errors.length > 0 ? new ValidationProblem(errors, 'The request URL is not valid percent-encoded UTF-8; see errors.') : undefined);
}
