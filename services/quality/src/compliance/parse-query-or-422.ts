import type { z } from 'zod';
import { PROBLEM_TYPES, ProblemException, zodProblemErrors } from '@hotline/platform';

/** The parsed query, or a 422 problem naming each bad parameter (`query.period`, `query.to`, `query.region`). */
export function parseQueryOr422<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ProblemException({
    status: 422,
    type: PROBLEM_TYPES.validation,
    title: 'Validation failed',
    detail: 'The report cannot be made for these parameters; see errors.',
    errors: zodProblemErrors(result.error).map(({ path, message }) => ({ path: path ? `query.${path}` : 'query', message })),
  });
}
