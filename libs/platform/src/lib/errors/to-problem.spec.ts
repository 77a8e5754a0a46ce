import { BadRequestException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { ProblemException, ValidationProblem } from './problem';
import { toProblem } from './to-problem';

/** The shape express's body parsers (http-errors) throw. */
const httpError = (status: number, type: string, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, type, ...extra });

describe('toProblem', () => {
  it('returns a ProblemException as it is', () => {
    const problem = toProblem(new ValidationProblem([{ path: 'data.contactId', message: 'Required' }]));
    expect(problem).toEqual({
      type: 'urn:hotline:problem:validation',
      title: 'Validation failed',
      status: 400,
      detail: 'The request is not valid; see errors.',
      errors: [{ path: 'data.contactId', message: 'Required' }],
    });
    expect(toProblem(new ProblemException({ status: 409, detail: 'Already closed' }))).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Already closed',
    });
  });

  it("maps Nest's HTTP exceptions, titled by their status", () => {
    expect(toProblem(new NotFoundException('No case 7'))).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No case 7' });
    expect(toProblem(new ForbiddenException())).toMatchObject({ status: 403, title: 'Forbidden', detail: 'Forbidden' });
    expect(toProblem(new BadRequestException(['a is required', 'b is too long'])).detail).toBe('a is required; b is too long');
    expect(toProblem(new HttpException('Slow down', 429))).toMatchObject({ status: 429, title: 'Too Many Requests', detail: 'Slow down' });
  });

  it('maps body-parser errors to 400 Malformed JSON, 413 and 415, never 500', () => {
    expect(toProblem(httpError(400, 'entity.parse.failed', 'Unexpected token } in JSON at position 9'))).toEqual({
      type: 'urn:hotline:problem:malformed-json',
      title: 'Malformed JSON',
      status: 400,
      detail: 'The request body is not valid JSON: Unexpected token } in JSON at position 9',
    });
    expect(toProblem(httpError(413, 'entity.too.large', 'request entity too large', { limit: 1024 }))).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
      detail: 'The request body is larger than the limit of 1024 bytes.',
    });
    expect(toProblem(httpError(415, 'encoding.unsupported', 'unsupported content encoding "br"'))).toMatchObject({
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'unsupported content encoding "br"',
    });
  });

  it('answers unknown errors, and server-side parser errors, with a generic 500 that leaks nothing', () => {
    const generic = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred; it has been logged.' };
    expect(toProblem(new Error('password authentication failed for user "postgres"'))).toEqual(generic);
    expect(toProblem(httpError(500, 'stream.encoding.set', 'stream encoding should not be set'))).toEqual(generic);
    expect(toProblem('a string')).toEqual(generic);
  });
});
