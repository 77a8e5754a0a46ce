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
