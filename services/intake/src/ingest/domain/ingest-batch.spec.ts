import { eventKey, firstOfEachKey, readBatch } from './ingest-batch';

describe('readBatch', () => {
  it('reads one event, an events envelope, and a bare array', () => {
    expect(readBatch({ id: 'a' })).toEqual({ ok: true, items: [{ id: 'a' }], batch: false });
    expect(readBatch({ events: [{ id: 'a' }, { id: 'b' }] })).toEqual({ ok: true, items: [{ id: 'a' }, { id: 'b' }], batch: true });
    expect(readBatch([{ id: 'a' }])).toEqual({ ok: true, items: [{ id: 'a' }], batch: true });
  });
  it('refuses batches over 1,000 events as too large', () => {
    expect(readBatch({ events: new Array(1000).fill({}) })).toMatchObject({ ok: true });
    expect(readBatch({ events: new Array(1001).fill({}) })).toMatchObject({ ok: false, tooLarge: true });
  });
  it('refuses empty batches and bodies that are not events', () => {
    expect(readBatch({ events: [] })).toMatchObject({ ok: false });
    expect(readBatch({ events: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('events') });
    expect(readBatch('text')).toMatchObject({ ok: false });
    expect(readBatch(null)).toMatchObject({ ok: false });
  });
});

describe('eventKey', () => {
  it('tells apart pairs that plain concatenation would confuse', () => {
    expect(eventKey({ source: 'a:b', id: 'c' })).not.toBe(eventKey({ source: 'a', id: 'b:c' }));
  });
});

describe('firstOfEachKey', () => {
  it('keeps the first event of each source and id, in order; the same id from another source is another event', () => {
    expect(
      firstOfEachKey([
        { id: 'a', source: '/x', n: 1 },
        { id: 'b', source: '/x', n: 2 },
        { id: 'a', source: '/x', n: 3 },
        { id: 'a', source: '/y', n: 4 },
      ]),
    ).toEqual([
      { id: 'a', source: '/x', n: 1 },
      { id: 'b', source: '/x', n: 2 },
      { id: 'a', source: '/y', n: 4 },
    ]);
  });
});
