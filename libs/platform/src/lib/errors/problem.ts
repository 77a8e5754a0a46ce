import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';
import type { problemFieldErrorSchema, problemSchema } from './problem-schema';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types beyond plain HTTP statuses (`about:blank`), whose titles say more than the status. */
export const PROBLEM_TYPES = {
  validation: 'urn:hotline:problem:validation',
  malformedJson: 'urn:hotline:problem:malformed-json',
  bodyTooDeep: 'urn:hotline:problem:body-too-deep',
} as const;

/** One invalid field; `index` is the item's position when a batch was sent. */
export type ProblemFieldError = z.output<typeof problemFieldErrorSchema>;

/** RFC 9457 problem details, the body of every error response. */
export type Problem = z.output<typeof problemSchema>;

export type ProblemInit = Pick<Problem, 'status' | 'detail'> & Partial<Problem>;

/** With the `about:blank` type, RFC 9457 wants the title to be the status's own phrase. */
export function problem({ status, detail, type = 'about:blank', title, ...rest }: ProblemInit): Problem {
  return { type, title: title ?? STATUS_CODES[status] ?? 'Error', status, detail, ...rest };
}

/** Throw it from anywhere in a request to answer with exactly this problem (and these headers). */
export class ProblemException extends HttpException {
  readonly problem: Problem;

  constructor(
    init: ProblemInit,
    readonly headers: Record<string, string> = {},
  ) {
    const details = problem(init);
    super(details, details.status);
    this.problem = details;
  }
}

/** 400 listing every invalid field. */
export class ValidationProblem extends ProblemException {
  constructor(errors: ProblemFieldError[], detail = 'The request is not valid; see errors.') {
    super({ status: 400, type: PROBLEM_TYPES.validation, title: 'Validation failed', detail, errors });
  }
}
