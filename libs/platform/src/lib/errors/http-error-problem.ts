import { type Problem, PROBLEM_TYPES, problem } from './problem';

/** The shape of `http-errors`, which express's body parsers throw. */
interface HttpError {
  status: number;
  expose: boolean;
  message: string;
  type?: string;
  limit?: number;
}

function isHttpError(error: unknown): error is HttpError {
  const candidate = error as Partial<HttpError> | null;
  return typeof candidate?.status === 'number' && typeof candidate.expose === 'boolean';
}

/**
 * The problem for a client error raised by express middleware, chiefly the body parsers
 * (`entity.parse.failed` 400, `entity.too.large` 413, `encoding.unsupported` 415, …), or undefined
 * for anything else. `expose` is false for their server-side errors, which must stay generic 500s.
 */
export function problemForHttpError(error: unknown): Problem | undefined {
  if (!isHttpError(error) || !error.expose || error.status < 400 || error.status > 499) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return problem({
        status: 400,
        type: PROBLEM_TYPES.malformedJson,
        title: 'Malformed JSON',
        detail: `The request body is not valid JSON: ${error.message}`,
      });
    case 'entity.too.large':
      return problem({ status: 413, detail: `The request body is larger than the limit of ${error.limit} bytes.` });
    default:
      return problem({ status: error.status, detail: error.message });
  }
}
