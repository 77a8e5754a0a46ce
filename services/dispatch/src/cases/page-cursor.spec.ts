import { z } from 'zod';
import { cursorParameter, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  const cursor = cursorParameter(z.tuple([z.iso.datetime(), z.string()]));

  it('decodes what it encoded', () => {
    expect(cursor.parse(encodeCursor(['2026-11-25T08:00:00.000Z', 'fault:F-1']))).toEqual(['2026-11-25T08:00:00.000Z', 'fault:F-1']);
  });

  it.each(['nonsense', encodeCursor(['yesterday', 'C-1']), encodeCursor(['2026-11-25T08:00:00.000Z']), ''])('refuses %j as no cursor of ours', (text) => {
    const result = cursor.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('nextCursor');
  });
});
