import type { ProblemFieldError } from '../errors/problem';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a decoded parameter value (or name) cannot be used, or undefined when it can. */
function flaw(text: string): string | undefined {
  // PostgreSQL refuses NUL in text: it would surface as a 500 from whichever query first sees it.
  if (text.includes('\0')) return 'must not contain NUL (U+0000)';
  // Not valid Unicode: PostgreSQL, JSON consumers and log pipelines each treat it differently.
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

/** A name as it may appear in an error path: its unusable characters replaced by U+FFFD. */
function printable(name: string): string {
  return name.replace(/\0/g, '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/**
 * Every unusable value or name among a request's path parameters (`source` 'params') or query
 * parameters ('query'), each named by its dotted path (`params.caseId`, `query.tenant`). Values are
 * strings, arrays (a repeated query parameter) or, with a qs query parser, nested objects; walked
 * iteratively. A repeated parameter is named once, without an index.
 */
export function parameterValueErrors(source: 'params' | 'query', values: unknown): ProblemFieldError[] {
  const errors = new Map<string, ProblemFieldError>();
  const report = (path: string, message: string) => errors.set(`${path}\n${message}`, { path, message });
  const pending: Array<[unknown, string]> = [[values, source]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      const message = flaw(value);
      if (message) report(path, message);
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push([item, path]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) {
        const itemPath = `${path}.${printable(name)}`;
        const nameFlaw = flaw(name);
        if (nameFlaw) report(itemPath, `the name ${nameFlaw}`);
        pending.push([item, itemPath]);
      }
    }
  }
  return [...errors.values()];
}
