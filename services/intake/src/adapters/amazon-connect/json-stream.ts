export type JsonStream = { ok: true; values: unknown[] } | { ok: false; index: number; message: string };

/**
 * Parses a stream of JSON values: newline-delimited (NDJSON / JSON Lines) or simply concatenated
 * (`{…}{…}`, what Firehose writes to S3 when the records carry no delimiter). Blank lines and
 * whitespace between values are ignored. A value that does not parse is reported with its index.
 */
export function parseJsonStream(text: string): JsonStream {
  const values: unknown[] = [];
  for (let start = nextValue(text, 0); start < text.length; start = nextValue(text, start)) {
    const end = endOfValue(text, start);
    try {
      values.push(JSON.parse(text.slice(start, end)));
    } catch (error) {
      return { ok: false, index: values.length, message: `Record ${values.length} is not valid JSON: ${(error as Error).message}` };
    }
    start = end;
  }
  return { ok: true, values };
}

/** The position of the next non-blank character (a byte-order mark counts as blank). */
function nextValue(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[\s\uFEFF]/.test(text[i])) i++;
  return i;
}

/**
 * Where the value starting at `start` ends: after the bracket closing an object or array (strings
 * and escapes skipped), or at the end of the line for anything else, which JSON.parse then judges.
 */
function endOfValue(text: string, start: number): number {
  if (text[start] !== '{' && text[start] !== '[') {
    const newline = text.indexOf('\n', start);
    return newline < 0 ? text.length : newline;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return text.length; // unterminated: JSON.parse says so
}
