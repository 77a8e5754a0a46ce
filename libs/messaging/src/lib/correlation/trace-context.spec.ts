import { childSpan, continueTrace, formatTraceparent, newTrace, parseTraceparent } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const VALID = `00-${TRACE_ID}-${PARENT_ID}-01`;

describe('W3C trace context', () => {
  it('reads a version 00 traceparent and writes it back unchanged', () => {
    const parsed = parseTraceparent(VALID, 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
    expect(parsed).toEqual({ traceId: TRACE_ID, spanId: PARENT_ID, flags: '01', tracestate: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE' });
    expect(formatTraceparent(parsed as NonNullable<typeof parsed>)).toBe(VALID);
    expect(parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-00`)).toMatchObject({ flags: '00' });
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
    ['a long parent id', `00-${TRACE_ID}-${PARENT_ID}0-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT_ID}-01`],
    ['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ['version 00 with extra fields', `${VALID}-extra`],
    ['bad flags', `00-${TRACE_ID}-${PARENT_ID}-1`],
    ['non-hex characters', `00-${TRACE_ID.slice(0, 31)}g-${PARENT_ID}-01`],
  ])('refuses %s', (_what, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });

  it('reads a later version as version 00, ignoring the fields it adds', () => {
    expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-adds`)).toEqual({ traceId: TRACE_ID, spanId: PARENT_ID, flags: '01' });
  });

  it('drops a tracestate that is not printable ASCII or too long, keeping the traceparent', () => {
    expect(parseTraceparent(VALID, 'a=\u00e9')).not.toHaveProperty('tracestate');
    expect(parseTraceparent(VALID, `a=${'x'.repeat(600)}`)).not.toHaveProperty('tracestate');
  });

  it('continues a valid trace with a span of its own, and starts a new one otherwise', () => {
    const child = continueTrace(VALID, 'rojo=1');
    expect(child).toMatchObject({ traceId: TRACE_ID, flags: '01', tracestate: 'rojo=1' });
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.spanId).not.toBe(PARENT_ID);

    const started = continueTrace('garbage');
    expect(started.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(started.traceId).not.toBe(TRACE_ID);
    expect(parseTraceparent(formatTraceparent(started))).toEqual(started);
    expect(childSpan(started)).toMatchObject({ traceId: started.traceId });
    expect(newTrace().traceId).not.toBe(newTrace().traceId);
  });
});
