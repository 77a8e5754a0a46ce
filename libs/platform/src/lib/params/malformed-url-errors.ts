import { unescape } from 'node:querystring';
import type { ProblemFieldError } from '../errors/problem';

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a request URL is not valid percent-encoded UTF-8 (`%ZZ`, a truncated `%E0%A4`, an encoded
 * lone surrogate `%ED%A0%80`). Express's query parser silently keeps such text or turns it into
 * U+FFFD, and its router throws on it with the raw input in the message; both are refused here
 * instead, naming the query parameter (`query.<name>`) or the path (`params`, as the route is not
 * matched yet).
 */
export function malformedUrlErrors(url: string): ProblemFieldError[] {
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const errors: ProblemFieldError[] = [];
  if (!decodes(path)) errors.push({ path: 'params', message: 'The URL path is not valid percent-encoded UTF-8' });
  if (queryStart < 0) return errors;
  for (const pair of url.slice(queryStart + 1).split('&')) {
    const [name, value = ''] = pair.replace(/\+/g, ' ').split(/=(.*)/s);
    if (decodes(name) && decodes(value)) continue;
    errors.push({ path: `query.${unescape(name)}`, message: 'is not valid percent-encoded UTF-8' });
  }
  return errors;
}
