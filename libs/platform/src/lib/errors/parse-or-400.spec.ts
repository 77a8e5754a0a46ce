import { z } from 'zod';
import { parseOr400, parseParametersOr400, zodProblemErrors } from './parse-or-400';
import { ValidationProblem } from './problem';

const event = z.object({
  type: z.string(),
  data: z.object({ contactId: z.string(), segments: z.array(z.object({ text: z.string() })).optional() }),
});

describe('parseOr400', () => {
  it('returns the parsed input', () => {
    expect(parseOr400(event, { type: 'contact.queued', data: { contactId: 'c1' }, extra: 1 })).toEqual({
      type: 'contact.queued',
      data: { contactId: 'c1' },
    });
  });

  it('throws a 400 ValidationProblem with a dotted path per issue', () => {
    let thrown: unknown;
    try {
      parseOr400(event, { data: { segments: [{ text: 1 }] } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationProblem);
    const { problem } = thrown as ValidationProblem;
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['type', 'data.contactId', 'data.segments.0.text']);
    expect(problem.errors?.every((e) => e.message.length > 0)).toBe(true);
  });

  it("places a batch item's errors with its index, and the item itself at path ''", () => {
    const { error } = event.safeParse('not an object');
    expect(error).toBeDefined();
    expect(zodProblemErrors(error as z.ZodError, 3)).toEqual([{ index: 3, path: '', message: expect.any(String) }]);
  });

  it('names a path or query parameter by where it was', () => {
    const query = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), limit: z.coerce.number().optional() });
    expect(parseParametersOr400('query', query, { day: '2026-11-25', limit: '5' })).toEqual({ day: '2026-11-25', limit: 5 });
    let thrown: unknown;
    try {
      parseParametersOr400('query', query, { day: 'yesterday' });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ValidationProblem).problem.errors).toEqual([{ path: 'query.day', message: expect.any(String) }]);
  });
});
