import type { z } from 'zod';
import { type ProblemFieldError, ValidationProblem } from './problem';

/** Zod issues as problem errors with dotted paths (`data.contactId`); `index` places a batch item. */
export function zodProblemErrors(error: z.ZodError, index?: number): ProblemFieldError[] {
  return error.issues.map((issue) => ({
    ...(index === undefined ? {} : { index }),
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** The parsed input, or a thrown 400 ValidationProblem listing every invalid field. */
export function parseOr400<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationProblem(zodProblemErrors(result.error));
}

/**
 * parseOr400 for a route's path or query parameters: each error's path starts with where the
 * parameter was (`query.day`, `params.caseId`), as the platform's parameter checks name them.
 */
export function parseParametersOr400<Schema extends z.ZodType>(source: 'params' | 'query', schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationProblem(zodProblemErrors(result.error).map(({ path, message }) => ({ path: path ? `${source}.${path}` : source, message })));
}
