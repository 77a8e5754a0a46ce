import type { NextFunction, Request, Response } from 'express';
import { problemForHttpError } from './http-error-problem';
import { ProblemException } from './problem';

/**
 * Express error middleware placed right after the body parsers. Nest would turn a JSON syntax error
 * into a bare 400 and lose body-parser's error type; wrapped as a ProblemException it keeps it.
 */
export function bodyParserErrorsAsProblems(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const problem = problemForHttpError(error);
  next(problem ? new ProblemException(problem) : error);
}
