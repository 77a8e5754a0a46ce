import { eventKey } from './ingest-batch';
import { partitionOutcomes, type StoredKey } from './ingest-outcome';

const stored = (entries: [source: string, id: string, outcome: StoredKey][]) =>
  new Map(entries.map(([source, id, outcome]) => [eventKey({ source, id }), outcome]));

describe('partitionOutcomes', () => {
  it('accepts the first event of each key stored now; repeats with the same content are duplicates', () => {
    const result = partitionOutcomes(
      [
        { id: 'a', source: '/x', hash: 'h1' },
        { id: 'b', source: '/x', hash: 'h2' },
        { id: 'a', source: '/x', hash: 'h1' },
        { id: 'c', source: '/x', hash: 'h3' },
      ],
      stored([
        ['/x', 'a', { stored: true, keptHash: 'h1' }],
        ['/x', 'b', { stored: false, keptHash: 'h2' }],
        ['/x', 'c', { stored: true, keptHash: 'h3' }],
      ]),
    );
    expect(result).toEqual({ accepted: ['a', 'c'], duplicates: ['b', 'a'] });
  });

  it('reports a re-send whose content differs from what was kept as a conflict naming id and source', () => {
    const result = partitionOutcomes(
      [
        { id: 'a', source: '/x', hash: 'new' },
        { id: 'b', source: '/x', hash: 'h2' },
        { id: 'b', source: '/x', hash: 'changed' },
      ],
      stored([
        ['/x', 'a', { stored: false, keptHash: 'old' }],
        ['/x', 'b', { stored: true, keptHash: 'h2' }],
      ]),
    );
    expect(result.accepted).toEqual(['b']);
    expect(result.duplicates).toEqual([]);
    expect(result.conflicts).toEqual([
      { id: 'a', source: '/x', status: 409, detail: expect.stringContaining("'a'") },
      { id: 'b', source: '/x', status: 409, detail: expect.stringContaining("source '/x'") },
    ]);
  });

  it('counts changed re-sends as duplicates when told to', () => {
    const events = [{ id: 'a', source: '/x', hash: 'new' }];
    const kept = stored([['/x', 'a', { stored: false, keptHash: 'old' }]]);
    expect(partitionOutcomes(events, kept, 'duplicate')).toEqual({ accepted: [], duplicates: ['a'] });
    expect(partitionOutcomes(events, kept, 'conflict').conflicts).toHaveLength(1);
  });

  it('counts a re-send of an event kept before hashes were as a duplicate', () => {
    expect(partitionOutcomes([{ id: 'a', source: '/x', hash: 'h' }], stored([['/x', 'a', { stored: false, keptHash: null }]]))).toEqual({
      accepted: [],
      duplicates: ['a'],
    });
  });

  it('treats the same id from two sources as two events', () => {
    const result = partitionOutcomes(
      [
        { id: 'a', source: '/x', hash: 'h1' },
        { id: 'a', source: '/y', hash: 'h2' },
      ],
      stored([
        ['/x', 'a', { stored: true, keptHash: 'h1' }],
        ['/y', 'a', { stored: true, keptHash: 'h2' }],
      ]),
    );
    expect(result).toEqual({ accepted: ['a', 'a'], duplicates: [] });
  });

  it('fails loudly when the store said nothing about a key', () => {
    expect(() => partitionOutcomes([{ id: 'a', source: '/x', hash: 'h' }], new Map())).toThrow(/event a from \/x/);
  });
});
