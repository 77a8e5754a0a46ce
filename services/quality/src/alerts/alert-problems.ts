import type { z } from 'zod';
import { ProblemException, PROBLEM_TYPES, zodProblemErrors } from '@hotline/platform';
import { AlertStateError } from './domain/alert';

export function alertNotFound(alertId: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no alert ${alertId}.` });
}

export function silenceNotFound(silenceId: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no silence ${silenceId}.` });
}

export function ruleNotFound(ruleId: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Your tenant has no alert rule ${ruleId} of its own.` });
}

/** A rule that parses but cannot work (never fires, always fires, an unknown field): 422 naming each field. */
export function invalidRule(error: z.ZodError): ProblemException {
  return new ProblemException({
    status: 422,
    type: PROBLEM_TYPES.validation,
    title: 'The alert rule is not valid',
    detail: 'The alert rule is not valid; see errors.',
    errors: zodProblemErrors(error).map(({ path, message }) => ({ path: path ? `body.${path}` : 'body', message })),
  });
}

/** An alert already resolved cannot be acknowledged or resolved again: 409. */
export function alertStateProblem(error: unknown): unknown {
  if (error instanceof AlertStateError) return new ProblemException({ status: 409, type: 'urn:hotline:problem:alert-state', title: 'The alert is resolved', detail: error.message });
  return error;
}
