import { eventKey } from './ingest-batch';
import { type KeptRow, storedKeysByRequest, unaccountedKeys } from './stored-keys';

const row = (tenantId: string, id: string, hash: string | null, insertedNow: boolean): KeptRow => ({ tenantId, source: '/x', id, hash, insertedNow });
const key = (id: string, source = '/x') => eventKey({ id, source });

describe('storedKeysByRequest', () => {
  it('gives a key inserted now to the first request that sent it; later senders see the kept hash', () => {
    const group = [
      { tenantId: 'acme', events: [{ id: 'a', source: '/x' }] },
      { tenantId: 'acme', events: [{ id: 'a', source: '/x' }, { id: 'b', source: '/x' }] },
      { tenantId: 'globex', events: [{ id: 'a', source: '/x' }] },
    ];
    const rows = [row('acme', 'a', 'h1', true), row('acme', 'b', 'old', false), row('globex', 'a', 'h3', true)];
    expect(storedKeysByRequest(group, rows)).toEqual([
      new Map([[key('a'), { stored: true, keptHash: 'h1' }]]),
      new Map([
        [key('a'), { stored: false, keptHash: 'h1' }],
        [key('b'), { stored: false, keptHash: 'old' }],
      ]),
      new Map([[key('a'), { stored: true, keptHash: 'h3' }]]),
    ]);
  });

  it('reports a key no row accounts for as kept without a hash (a duplicate)', () => {
    expect(storedKeysByRequest([{ tenantId: 'acme', events: [{ id: 'a', source: '/x' }] }], [])).toEqual([
      new Map([[key('a'), { stored: false, keptHash: null }]]),
    ]);
  });
});

describe('unaccountedKeys', () => {
  it('lists each key of the group that no row reports, once', () => {
    const group = [
      { tenantId: 'acme', events: [{ id: 'a', source: '/x' }, { id: 'b', source: '/x' }] },
      { tenantId: 'acme', events: [{ id: 'b', source: '/x' }, { id: 'b', source: '/y' }] },
    ];
    expect(unaccountedKeys(group, [row('acme', 'a', 'h', true)])).toEqual([
      { tenantId: 'acme', source: '/x', id: 'b' },
      { tenantId: 'acme', source: '/y', id: 'b' },
    ]);
  });
});
