import type { ValidationIssue } from './validation';

/**
 * Text PostgreSQL cannot store. `jsonb` (and `text`) refuse the NUL character U+0000, and `jsonb`
 * refuses a UTF-16 surrogate that is not half of a pair (`"\ud800"` alone, or `"\udc00"` with no
 * high surrogate before it), which JavaScript strings and `JSON.parse` allow. An event carrying
 * either would be accepted by the schemas and then fail its INSERT: a 500 for the sender, a
 * poisoned batch for everyone committed with it.
 *
 * We refuse such events (a 400 naming each field) rather than normalise them: dropping or replacing
 * characters would silently change what the platform said (two ids could become one, a transcript
 * kept as evidence would no longer be what was recorded), and the sender can fix its own text.
 */

/** At most this many such issues are listed; a last one says there are more. */
export const MAX_UNSTORABLE_TEXT_ISSUES = 100;

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: string;
  /** The object key as sent, when `key` is one (checked when the frame is visited, in order). */
  name?: string;
}

/**
 * Lists every string in `value` — object keys and values, at any depth, in document order — that
 * PostgreSQL cannot store, with its dotted path (`data.segments.2.text`, `id`). Iterative, so no
 * nesting depth overflows the stack; each object is visited once, so a cycle cannot loop.
 * `json`, the text `value` was parsed from when there is one, spares serialising it again.
 */
export function findUnstorableText(value: unknown, json?: string): ValidationIssue[] {
  if (!mayHoldUnstorableText(value, json)) return [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<object>();
  const stack: Frame[] = [{ value, parent: undefined, key: '' }];
  let more = false;
  const report = (frame: Frame, text: string, name?: string): void => {
    const problem = problemIn(text);
    if (problem === undefined) return;
    if (issues.length === MAX_UNSTORABLE_TEXT_ISSUES) {
      more = true;
      return;
    }
    const what = name === undefined ? 'contains' : `the name '${name}' contains`;
    issues.push({ path: pathOf(frame), message: `${what} ${problem}, which cannot be stored` });
  };
  while (stack.length > 0 && !more) {
    const frame = stack.pop() as Frame;
    if (frame.name !== undefined) report(frame, frame.name, frame.key);
    const current = frame.value;
    if (typeof current === 'string') {
      report(frame, current);
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const children: Frame[] = [];
    if (Array.isArray(current)) {
      current.forEach((item, index) => children.push({ value: item, parent: frame, key: String(index) }));
    } else {
      for (const [key, item] of Object.entries(current)) {
        children.push({ value: item, parent: frame, key: printable(key), name: key });
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  if (more) {
    issues.push({
      path: '',
      message: `more text that cannot be stored (NUL characters or lone UTF-16 surrogates); only the first ${MAX_UNSTORABLE_TEXT_ISSUES} are listed`,
    });
  }
  return issues;
}

/**
 * Why one string (a path or query parameter, a name) cannot be stored, in a few words, or
 * undefined when it can.
 */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain NUL (U+0000)';
  if (text.search(LONE_SURROGATE) >= 0) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

/**
 * A fast filter for the common case: JSON.stringify writes NUL and every lone surrogate as a
 * `\u` escape (and a valid pair as itself), so text without such an escape holds neither. Text
 * that merely contains a backslash and a `u` is walked and found fine.
 */
const SUSPICIOUS_ESCAPE = /\\u0000|\\ud[89a-f]/i;
function mayHoldUnstorableText(value: unknown, json: string | undefined): boolean {
  // Parsed JSON text holds the two the same way: a raw NUL is not valid JSON, and UTF-8 cannot
  // carry a lone surrogate (decoding turns one into U+FFFD).
  if (json !== undefined) return SUSPICIOUS_ESCAPE.test(json);
  try {
    return SUSPICIOUS_ESCAPE.test(JSON.stringify(value) ?? '');
  } catch {
    return true; // not JSON (a cycle, say): walk it
  }
}

function problemIn(text: string): string | undefined {
  const problems: string[] = [];
  if (text.includes(NUL)) problems.push('a NUL character (\\u0000)');
  if (text.search(LONE_SURROGATE) >= 0) problems.push('a lone UTF-16 surrogate (half of a pair, not a character)');
  return problems.length > 0 ? problems.join(' and ') : undefined;
}

/** `text` with each NUL and lone surrogate replaced by what `replace` makes of it (e.g. to name a bad key). */
export function replaceUnstorableText(text: string, replace: (unit: string) => string): string {
  return text.replaceAll(NUL, replace).replace(LONE_SURROGATE, replace);
}

/** A name safe to show in a path: the offending code units written as `\uXXXX`. */
function printable(text: string): string {
  return replaceUnstorableText(text, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pathOf(frame: Frame): string {
  const keys: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}
