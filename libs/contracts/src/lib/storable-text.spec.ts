import { findUnstorableText, MAX_UNSTORABLE_TEXT_ISSUES, unstorableTextReason } from './storable-text';
import { validateCloudEvent, validateIncomingEvent, type ValidationIssue } from './validation';

const NUL_MESSAGE = 'contains a NUL character (\\u0000), which cannot be stored';
const SURROGATE_MESSAGE = 'contains a lone UTF-16 surrogate (half of a pair, not a character), which cannot be stored';

const transcript = (text: string) => ({
  id: 'evt-1',
  source: '/pbx',
  type: 'transcript.recorded',
  time: '2026-11-29T12:00:00Z',
  data: {
    contactId: 'c-1',
    language: 'en',
    segments: [0, 1, 2].map((n) => ({ role: 'agent', text: n === 2 ? text : 'hello', beginOffsetMs: n, endOffsetMs: n + 1 })),
  },
});

function errorsOf(result: { ok: true } | { ok: false; errors: ValidationIssue[] }): ValidationIssue[] {
  return result.ok ? [] : result.errors;
}

describe('findUnstorableText', () => {
  it('finds nothing in ordinary text, emoji (surrogate pairs) and non-strings', () => {
    expect(findUnstorableText({ a: 'héllo 你好 😀', b: [1, true, null, { c: '\ud83d\ude00' }], d: 'tab\tnewline\n' })).toEqual([]);
  });

  it.each([
    ['a NUL', 'a\u0000b', NUL_MESSAGE],
    ['a lone high surrogate', 'a\ud800b', SURROGATE_MESSAGE],
    ['a high surrogate at the end', 'ab\ud800', SURROGATE_MESSAGE],
    ['a lone low surrogate', '\udc00ab', SURROGATE_MESSAGE],
    ['two high surrogates', '\ud800\ud800\udc00', SURROGATE_MESSAGE],
    ['a low surrogate before a high one', '\udc00\ud800', SURROGATE_MESSAGE],
  ])('finds %s, naming the path', (_what, text, message) => {
    expect(findUnstorableText({ data: { segments: [{}, {}, { text }] } })).toEqual([{ path: 'data.segments.2.text', message }]);
  });

  it('finds nothing in text that only spells out an escape (a backslash, then u0000 or ud800)', () => {
    expect(findUnstorableText({ note: 'type \\u0000 or \\ud800 to mean nothing', key: 'C:\\ud\\u0000' })).toEqual([]);
  });

  it('names both problems of one string in one issue', () => {
    expect(findUnstorableText({ id: '\u0000\udfff' })).toEqual([
      { path: 'id', message: expect.stringMatching(/NUL character.* and a lone UTF-16 surrogate/) },
    ]);
  });

  it('checks object keys too, writing the bad unit as \\uXXXX in the path', () => {
    expect(findUnstorableText({ data: { 'bad\u0000key': 1, nested: { ['x\ud800']: 'fine' } } })).toEqual([
      { path: 'data.bad\\u0000key', message: `the name 'bad\\u0000key' ${NUL_MESSAGE}` },
      { path: 'data.nested.x\\ud800', message: `the name 'x\\ud800' ${SURROGATE_MESSAGE}` },
    ]);
  });

  it('lists issues in document order', () => {
    const found = findUnstorableText({ a: '\u0000', b: ['\u0000', { c: '\u0000' }], d: '\u0000' });
    expect(found.map((issue) => issue.path)).toEqual(['a', 'b.0', 'b.1.c', 'd']);
  });

  it('walks any depth without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const [issue] = findUnstorableText({ data: deep });
    expect(issue.path.split('.')).toHaveLength(100_001);
    expect(issue.message).toBe(NUL_MESSAGE);
  });

  it('does not loop on a cycle', () => {
    const cyclic: Record<string, unknown> = { text: '\u0000' };
    cyclic['self'] = cyclic;
    expect(findUnstorableText(cyclic)).toEqual([{ path: 'text', message: NUL_MESSAGE }]);
  });

  it(`lists at most ${MAX_UNSTORABLE_TEXT_ISSUES}, then says there are more`, () => {
    const found = findUnstorableText({ data: Array.from({ length: 500 }, () => '\u0000') });
    expect(found).toHaveLength(MAX_UNSTORABLE_TEXT_ISSUES + 1);
    expect(found[MAX_UNSTORABLE_TEXT_ISSUES]).toEqual({ path: '', message: expect.stringContaining('only the first 100') });
  });
});

describe('validation refuses text PostgreSQL cannot store', () => {
  it('in data, at any depth, naming the field', () => {
    expect(errorsOf(validateIncomingEvent(transcript('said \u0000 this')))).toEqual([{ path: 'data.segments.2.text', message: NUL_MESSAGE }]);
    expect(errorsOf(validateIncomingEvent(transcript('said \ud800 this')))).toEqual([
      { path: 'data.segments.2.text', message: SURROGATE_MESSAGE },
    ]);
  });

  it.each(['id', 'source', 'subject', 'correlationid', 'traceparent'])('in the %s attribute', (attribute) => {
    const event = { ...transcript('ok'), [attribute]: 'x\u0000' };
    expect(errorsOf(validateIncomingEvent(event))).toContainEqual({ path: attribute, message: NUL_MESSAGE });
  });

  it('in the type, beside the unknown-type error', () => {
    expect(errorsOf(validateIncomingEvent({ ...transcript('ok'), type: 'contact.queued\udc00' }))).toEqual(
      expect.arrayContaining([{ path: 'type', message: SURROGATE_MESSAGE }]),
    );
  });

  it('in an unknown data field the schema passes through, and in its name', () => {
    const event = transcript('ok');
    const data = { ...event.data, extra: { notes: ['fine', 'x\u0000'] }, ['k\ud800']: 'v' };
    expect(errorsOf(validateIncomingEvent({ ...event, data }))).toEqual([
      { path: 'data.extra.notes.1', message: NUL_MESSAGE },
      { path: 'data.k\\ud800', message: `the name 'k\\ud800' ${SURROGATE_MESSAGE}` },
    ]);
  });

  it('in events consumers receive too', () => {
    const event = { ...transcript('a\udc00'), specversion: '1.0', datacontenttype: 'application/json', dataversion: '1', tenantid: 'acme' };
    expect(errorsOf(validateCloudEvent(event))).toEqual([{ path: 'data.segments.2.text', message: SURROGATE_MESSAGE }]);
    expect(errorsOf(validateCloudEvent({ ...event, data: transcript('fine').data, tenantid: 'ac\u0000me' }))).toEqual([
      { path: 'tenantid', message: NUL_MESSAGE },
    ]);
  });
});

describe('unstorableTextReason', () => {
  it('accepts any well-formed Unicode text', () => {
    for (const text of ['', 'plain', '客服 😀', '\uD83D\uDE00', 'tab\tand\nnewline']) expect(unstorableTextReason(text)).toBeUndefined();
  });

  it('names NUL and lone surrogates, high or low', () => {
    expect(unstorableTextReason('a\0b')).toBe('must not contain NUL (U+0000)');
    for (const text of ['\uD800', 'x\uDBFFy', '\uDC00', 'a\uDE00\uD83D']) expect(unstorableTextReason(text)).toBe('must not contain a lone UTF-16 surrogate');
  });
});
