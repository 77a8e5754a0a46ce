import { z } from 'zod';

/**
 * Keyset cursors: the sort key of a page's last item, as opaque base64url JSON. A client passes
 * `nextCursor` back unchanged; anything else is a 400 naming `query.cursor`.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor field decoding to a key of `shape` (a zod tuple). */
export function cursorParameter<T extends z.ZodTuple>(shape: T) {
  return z.string().transform((text, ctx): z.output<T> => {
    const parsed = shape.safeParse(decode(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'cursor is the nextCursor of the previous page, passed back unchanged' });
    return z.NEVER;
  });
}

function decode(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
