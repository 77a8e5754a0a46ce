import { firstOfEachId, partitionByFreshness, readBatch } from './ingest-batch';

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

describe('partitionByFreshness', () => {
  it('reports ids stored before, and repeats within the batch, as duplicates', () => {
    expect(partitionByFreshness(['a', 'b', 'a', 'c'], new Set(['a', 'c']))).toEqual({
      accepted: ['a', 'c'],
      duplicates: ['b', 'a'],
    });
  });
});

describe('firstOfEachId', () => {
  it('keeps the first event of each id, in order', () => {
    expect(firstOfEachId([{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'a', n: 3 }])).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
  });
});
