import { cloudEventSchema, incomingEventSchema } from './envelope';

const complete = {
  specversion: '1.0',
  id: 'evt-1',
  source: '/hotline/dispatch',
  type: 'case.assigned',
  time: '2025-01-31T01:30:00Z',
  datacontenttype: 'application/json',
  dataversion: '1',
  tenantid: 'acme',
  data: { anything: true },
};

describe('cloudEventSchema', () => {
  it('accepts a complete envelope with any data', () => {
    expect(cloudEventSchema.parse(complete)).toEqual(complete);
  });

  it('keeps optional attributes and valid extensions', () => {
    const optional = { correlationid: 'corr', causationid: 'evt-0', subject: 'k-1' };
    const event = { ...complete, ...optional, traceparent: '00-1', retries: 2, replayed: true };
    expect(cloudEventSchema.parse(event)).toEqual(event);
  });

  it.each([['specversion'], ['id'], ['source'], ['type'], ['time'], ['datacontenttype'], ['dataversion'], ['tenantid'], ['data']])(
    'requires %s',
    (attribute) => {
      const event: Record<string, unknown> = { ...complete };
      delete event[attribute];
      const result = cloudEventSchema.safeParse(event);
      expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([attribute]);
    },
  );

  it('does not default attributes: a stored or published event is complete', () => {
    const { specversion: _s, ...rest } = complete;
    expect(cloudEventSchema.safeParse(rest).success).toBe(false);
  });

  it.each([
    ['specversion', '1.1'],
    ['datacontenttype', 'application/xml'],
    ['dataversion', 'v1'],
    ['dataversion', '0'],
    ['tenantid', ''],
    ['id', ''],
    ['source', ''],
    ['correlationid', ''],
  ])('rejects %s = %j', (attribute, value) => {
    const result = cloudEventSchema.safeParse({ ...complete, [attribute]: value });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([attribute]);
  });

  it('rejects extension names that are not lowercase alphanumeric, and non-scalar extension values', () => {
    const result = cloudEventSchema.safeParse({ ...complete, correlationId: 'x', trace_id: 'y', meta: { a: 1 } });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'correlationId',
      'meta',
      'trace_id',
    ]);
  });
});

describe('incomingEventSchema', () => {
  const { tenantid: _tenant, specversion: _spec, datacontenttype: _ct, dataversion: _dv, ...posted } = complete;

  it('defaults specversion, datacontenttype and dataversion', () => {
    expect(incomingEventSchema.parse(posted)).toEqual({
      ...posted,
      specversion: '1.0',
      datacontenttype: 'application/json',
      dataversion: '1',
    });
  });

  it('rejects tenantid with a message saying why', () => {
    const result = incomingEventSchema.safeParse({ ...posted, tenantid: 'acme' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['tenantid'], message: 'tenantid must not be sent: the tenant is determined by the API key' }),
    ]);
  });

  it('accepts relative and absolute URI-references as source, nothing with spaces', () => {
    for (const source of ['/platform/genesys', 'urn:acme:pbx:1', 'https://pbx.example.com/a?b=c#d', 'pbx-1']) {
      expect(incomingEventSchema.safeParse({ ...posted, source }).success).toBe(true);
    }
    expect(incomingEventSchema.safeParse({ ...posted, source: 'genesys cloud' }).success).toBe(false);
  });
});
