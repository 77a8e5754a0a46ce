import type { ProblemFieldError } from '../errors/problem';
import { unstorableTextReason } from '@hotline/contracts';
import { printableText } from '../errors/storable-text';

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
      const message = unstorableTextReason(value);
      if (message) report(path, message);
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push([item, path]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) {
        const itemPath = `${path}.${printableText(name)}`;
        const nameFlaw = unstorableTextReason(name);
        if (nameFlaw) report(itemPath, `the name ${nameFlaw}`);
        pending.push([item, itemPath]);
      }
    }
  }
  return [...errors.values()];
}
