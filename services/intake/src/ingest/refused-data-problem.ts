import { ProblemException } from '@hotline/platform';

/**
 * SQLSTATEs meaning PostgreSQL refused a value it was given, not that it failed: class 22 (data
 * exception: 22P05 untranslatable character such as \u0000 in jsonb, 22021 a NUL byte in text,
 * 22P02 invalid input such as a lone surrogate, 22007/22008 a time it cannot read), 54000 (a
 * value over a size limit) and 54001 (JSON nested deeper than the server's stack allows). The
 * same request would fail again: it is the client's data.
 */
const REFUSED_DATA = /^(22|54000$|54001$)/;

export const UNSTORABLE_EVENT_PROBLEM_TYPE = 'urn:hotline:problem:unstorable-event';

interface DatabaseError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
}

/** Whether the database refused the data of the statement (retrying it unchanged cannot help). */
export function isRefusedData(error: unknown): boolean {
  const code = (error as DatabaseError | null)?.code;
  return typeof code === 'string' && REFUSED_DATA.test(code);
}

/**
 * The 400 answering a request whose events PostgreSQL refused, naming the event when it is known
 * and what PostgreSQL said (its message and detail: about the client's own, already masked, data;
 * never the statement).
 */
export function refusedDataProblem(error: unknown, culprit?: { id: string; source: string }): ProblemException {
  const { message, detail } = (error ?? {}) as DatabaseError;
  const reason = [message, detail].filter((part): part is string => typeof part === 'string' && part.length > 0).join(': ').replace(/\.$/, '');
  const what = culprit ? `The event '${culprit.id}' from source '${culprit.source}'` : 'The event';
  return new ProblemException({
    status: 400,
    type: UNSTORABLE_EVENT_PROBLEM_TYPE,
    title: 'Event could not be stored',
    detail: `${what} could not be stored: ${reason || 'the database refused its data'}. Nothing from this request was kept.`,
  });
}
