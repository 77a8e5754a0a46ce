import type { NextFunction, Request, Response } from 'express';
import { deferBodyProblem } from './deferred-body-problem';
import { problemForHttpError } from './http-error-problem';
import { ProblemException } from './problem';

/**
 * Express error middleware placed right after the body parsers. Nest would turn a JSON syntax error
 * into a bare 400 and lose body-parser's error type; wrapped as a ProblemException it keeps it, and
 * is answered once the caller is authenticated (deferBodyProblem).
 */
export function bodyParserErrorsAsProblems(error: unknown, req: Request, _res: Response, next: NextFunction): void {
  const problem = problemForHttpError(error);
  if (!problem) return next(error);
  deferBodyProblem(req, new ProblemException(problem));
  next();
}
