import { HttpException } from '@nestjs/common';
import { problemForHttpError } from './http-error-problem';
import { type Problem, ProblemException, problem } from './problem';
import { problemForUnavailableDependency } from './unavailable-dependency';

/** The problem answering any thrown value; unknown errors become a 500 that reveals nothing. */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof HttpException) return problem({ status: exception.getStatus(), detail: detailOf(exception) });
  return (
    problemForHttpError(exception) ??
    problemForUnavailableDependency(exception) ??
    problem({ status: 500, detail: 'An unexpected error occurred; it has been logged.' })
  );
}

/** Nest's exceptions carry their text as a string response or `{ message: string | string[] }`. */
function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
