import { parseLastEventId, sseComment, sseFrame, sseRetry } from './sse-frame';

describe('server-sent event frames', () => {
  it('frames an event as id, event and data lines ending in a blank line', () => {
    expect(sseFrame({ id: '42', event: 'alert.raised', data: { alertId: 'a1', summary: 'SL < 80%' } })).toBe(
      'id: 42\nevent: alert.raised\ndata: {"alertId":"a1","summary":"SL < 80%"}\n\n',
    );
  });

  it('keeps newlines in the data inside one data field (JSON escapes them)', () => {
    const frame = sseFrame({ id: '1', event: 'alert.updated', data: { summary: 'line one\nline two\r\nthree' } });
    expect(frame.split('\n').filter((line) => line.startsWith('data: '))).toHaveLength(1);
    const data = frame.split('\n').find((line) => line.startsWith('data: '))?.slice('data: '.length);
    expect(JSON.parse(data ?? '')).toEqual({ summary: 'line one\nline two\r\nthree' });
  });

  it('never lets an id or event name break the frame', () => {
    expect(sseFrame({ id: '1\n2', event: 'a\r\nb', data: null })).toBe('id: 1 2\nevent: a b\ndata: null\n\n');
  });

  it('writes comments and the retry delay', () => {
    expect(sseComment('heartbeat')).toBe(': heartbeat\n\n');
    expect(sseRetry(2000)).toBe('retry: 2000\n\n');
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    [' 17 ', 17],
    ['0', 0],
    ['-1', null],
    ['1.5', null],
    ['abc', null],
    ['9'.repeat(16), null],
  ])('reads Last-Event-ID %j as %j', (header, expected) => {
    expect(parseLastEventId(header)).toBe(expected);
  });
});
