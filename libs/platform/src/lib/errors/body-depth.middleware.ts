import type { NextFunction, Request, Response } from 'express';
import { deferBodyProblem } from './deferred-body-problem';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';
import { PROBLEM_TYPES, ProblemException } from './problem';

/** The 400 for a body nested deeper than MAX_JSON_DEPTH; also for bodies a route parses itself (NDJSON). */
export function bodyTooDeepProblem(): ProblemException {
  return new ProblemException({
    status: 400,
    type: PROBLEM_TYPES.bodyTooDeep,
    title: 'Body nested too deeply',
    detail: `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`,
  });
}

/**
 * Express middleware placed right after the body parsers, before anything else (logging, guards,
 * pipes, handlers) touches the body: a parsed JSON or form body deeper than MAX_JSON_DEPTH is
 * dropped and refused with a 400 problem (once the caller is authenticated: deferBodyProblem)
 * instead of overflowing the stack in whatever walks it first.
 */
export function refuseDeepBodies(req: Request, _res: Response, next: NextFunction): void {
  if (exceedsJsonDepth(req.body)) deferBodyProblem(req, bodyTooDeepProblem());
  next();
}
