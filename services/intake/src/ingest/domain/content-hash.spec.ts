import { canonicalJson, contentHash, instantOf } from './content-hash';

const event = {
  specversion: '1.0',
  id: 'e-1',
  source: '/pbx',
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  datacontenttype: 'application/json',
  dataversion: '1',
  tenantid: 'acme',
  correlationid: 'req-1',
  data: { contactId: 'c-1', channel: 'voice', queue: 'billing' },
};

describe('contentHash', () => {
  it('is a SHA-256 hex digest that ignores key order', () => {
    const reordered = { ...event, data: { queue: 'billing', channel: 'voice', contactId: 'c-1' } };
    expect(contentHash(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(reordered)).toBe(contentHash(event));
  });

  it('ignores what identifies the event and what intake sets per request or tenant', () => {
    expect(contentHash({ ...event, id: 'e-2', source: '/other', correlationid: 'req-2', tenantid: 'other' })).toBe(contentHash(event));
    const { correlationid: _, ...withoutCorrelation } = event;
    expect(contentHash(withoutCorrelation)).toBe(contentHash(event));
    const traced = { ...event, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'v=1' };
    expect(contentHash(traced)).toBe(contentHash(event));
  });

  it('reads the time as an instant, whatever its offset', () => {
    expect(contentHash({ ...event, time: '2026-11-25T01:30:00Z' })).toBe(contentHash(event));
    expect(contentHash({ ...event, time: '2026-11-25T01:30:00.000Z' })).toBe(contentHash(event));
    expect(contentHash({ ...event, time: '2026-11-25T01:30:01Z' })).not.toBe(contentHash(event));
  });

  it('changes with the type, subject, dataversion, data or an extension attribute', () => {
    const variants = [
      { ...event, type: 'contact.answered' },
      { ...event, subject: 'c-1' },
      { ...event, dataversion: '2' },
      { ...event, data: { ...event.data, queue: 'sales' } },
      { ...event, causationid: 'x' },
      { ...event, region: 'north' },
    ];
    for (const variant of variants) expect(contentHash(variant)).not.toBe(contentHash(event));
  });
});

describe('instantOf', () => {
  it('names the UTC instant, keeping fraction digits beyond milliseconds', () => {
    expect(instantOf('1970-01-01T00:00:01Z')).toBe('1');
    expect(instantOf('1970-01-01T08:00:01+08:00')).toBe('1');
    expect(instantOf('1970-01-01T00:00:01.250000Z')).toBe('1.25');
    expect(instantOf('1970-01-01T00:00:01.000001Z')).not.toBe(instantOf('1970-01-01T00:00:01.000002Z'));
  });
  it('keeps a time it cannot read as it is', () => {
    expect(instantOf('yesterday')).toBe('yesterday');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }, 3] })).toBe('{"a":[{"c":2,"d":1},3],"b":1}');
  });
});
