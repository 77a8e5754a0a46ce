import { platformEventTypes, type PlatformEventType } from './catalogue';
import { validateCloudEvent, validateIncomingEvent, type ValidationIssue } from './validation';

const envelope = {
  id: 'evt-0001',
  source: 'https://pbx.example.com/acme',
  time: '2025-01-31T09:30:00+08:00',
};

/** One valid `data` per platform event type, with only the fields DESIGN.md requires. */
const minimalData: Record<PlatformEventType, Record<string, unknown>> = {
  'contact.queued': { contactId: 'c-1', channel: 'voice', queue: 'billing', direction: 'inbound' },
  'contact.answered': { contactId: 'c-1', agentId: 'a-7' },
  'contact.abandoned': { contactId: 'c-1' },
  'contact.transferred': { contactId: 'c-1', toQueue: 'faults' },
  'contact.ended': { contactId: 'c-1' },
  'contact.completed': { contactId: 'c-1' },
  'transcript.recorded': {
    contactId: 'c-1',
    language: 'zh',
    segments: [{ role: 'agent', text: '您好，工号 1024 为您服务', beginOffsetMs: 0, endOffsetMs: 2400 }],
  },
  'transcript.segmented': {
    contactId: 'c-1',
    language: 'en',
    segments: [{ segmentId: 't-1', role: 'customer', text: 'My card is broken', beginOffsetMs: 19010, endOffsetMs: 22690 }],
  },
  'survey.completed': { score: 5, contactId: 'c-1' },
  'case.opened': { caseId: 'k-1', type: 'network_fault', priority: 'P2', summary: 'No signal in building 4' },
  'fault.reported': {
    faultId: 'f-1',
    kind: 'network',
    severity: 'major',
    region: 'north',
    description: 'Base station 17 down',
  },
  'complaint.filed': { complaintId: 'p-1', category: 'billing', description: 'Charged twice' },
  'agent.status_changed': { agentId: 'a-7', status: 'available' },
  'security.reported': { kind: 'pii_leak', severity: 'P1', description: 'Agent read out a full ID number' },
};

/** The same, with every optional field DESIGN.md lists. */
const fullData: Record<PlatformEventType, Record<string, unknown>> = {
  'contact.queued': {
    ...minimalData['contact.queued'],
    region: 'north',
    customer: { id: 'cust-9', phone: '138****5678' },
  },
  'contact.answered': { ...minimalData['contact.answered'], queue: 'billing' },
  'contact.abandoned': { ...minimalData['contact.abandoned'], queue: 'billing' },
  'contact.transferred': { contactId: 'c-1', toQueue: 'faults', toAgentId: 'a-8' },
  'contact.ended': {
    ...minimalData['contact.ended'],
    agentId: 'a-7',
    talkSeconds: 182,
    holdSeconds: 12.5,
    afterContactWorkSeconds: 30,
    disconnectReason: 'customer_hung_up',
  },
  'contact.completed': { ...minimalData['contact.completed'], agentId: 'a-7', queue: 'billing', afterContactWorkSeconds: 30, completedReason: 'resolved' },
  'transcript.recorded': { ...minimalData['transcript.recorded'], agentId: 'a-7' },
  'transcript.segmented': {
    ...minimalData['transcript.segmented'],
    platformRedacted: true,
    supersedes: 'e-1',
    categories: [{ name: 'CardBroken', pointsOfInterest: [{ beginOffsetMs: 19010, endOffsetMs: 22690 }] }],
  },
  'survey.completed': { score: 1, caseId: 'k-1', contactId: 'c-1', comment: 'Too slow' },
  'case.opened': { ...minimalData['case.opened'], region: 'north', customerId: 'cust-9', contactId: 'c-1' },
  'fault.reported': { ...minimalData['fault.reported'], affectedCustomers: 1200 },
  'complaint.filed': { ...minimalData['complaint.filed'], customerId: 'cust-9', contactId: 'c-1', channel: 'letter' },
  'agent.status_changed': {
    ...minimalData['agent.status_changed'],
    team: 'north-1',
    skills: ['billing', 'faults'],
    languages: ['zh', 'en'],
  },
  'security.reported': { ...minimalData['security.reported'], actor: 'a-7' },
};

/** Required data fields per type, as DESIGN.md's "Platform events v1" lists them. */
const requiredFields: Record<PlatformEventType, string[]> = {
  'contact.queued': ['contactId', 'channel', 'queue', 'direction'],
  'contact.answered': ['contactId', 'agentId'],
  'contact.abandoned': ['contactId'],
  'contact.transferred': ['contactId'],
  'contact.ended': ['contactId'],
  'contact.completed': ['contactId'],
  'transcript.recorded': ['contactId', 'language', 'segments'],
  'transcript.segmented': ['contactId', 'language', 'segments'],
  'survey.completed': ['score'],
  'case.opened': ['caseId', 'type', 'priority', 'summary'],
  'fault.reported': ['faultId', 'kind', 'severity', 'region', 'description'],
  'complaint.filed': ['complaintId', 'category', 'description'],
  'agent.status_changed': ['agentId', 'status'],
  'security.reported': ['kind', 'severity', 'description'],
};

function errorsOf(input: unknown): ValidationIssue[] {
  const result = validateIncomingEvent(input);
  if (result.ok) {
    throw new Error(`expected validation to fail for ${JSON.stringify(input)}`);
  }
  return result.errors;
}

function without(record: Record<string, unknown>, field: string): Record<string, unknown> {
  const copy = { ...record };
  delete copy[field];
  return copy;
}

describe('validateIncomingEvent', () => {
  it('has an example for every platform event type', () => {
    expect(Object.keys(minimalData).sort()).toEqual([...platformEventTypes].sort());
  });

  describe.each(platformEventTypes.map((type) => [type]))('%s', (type) => {
    it('accepts the required fields alone', () => {
      const result = validateIncomingEvent({ ...envelope, type, data: minimalData[type] });
      expect(result).toEqual({ ok: true, event: expect.objectContaining({ type, data: minimalData[type] }) });
    });

    it('accepts every optional field DESIGN.md lists', () => {
      const result = validateIncomingEvent({ ...envelope, type, data: fullData[type] });
      expect(result.ok && result.event.data).toEqual(fullData[type]);
    });

    it('keeps extra fields an integrator sends', () => {
      const data = { ...minimalData[type], vendorTrace: { hop: 3 } };
      const result = validateIncomingEvent({ ...envelope, type, data });
      expect(result.ok && result.event.data).toEqual(data);
    });

    it.each(requiredFields[type].map((field) => [field]))('reports a missing %s at data.<field>', (field) => {
      const errors = errorsOf({ ...envelope, type, data: without(minimalData[type], field) });
      expect(errors).toEqual([{ path: `data.${field}`, message: expect.stringContaining('Required') }]);
    });
  });

  it('applies the envelope defaults', () => {
    const result = validateIncomingEvent({ ...envelope, type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(result).toEqual({
      ok: true,
      event: {
        specversion: '1.0',
        datacontenttype: 'application/json',
        dataversion: '1',
        ...envelope,
        type: 'contact.abandoned',
        data: { contactId: 'c-1' },
      },
    });
  });

  it('keeps what the client set: correlationid, subject, explicit defaults', () => {
    const input = {
      ...envelope,
      specversion: '1.0',
      datacontenttype: 'application/json',
      dataversion: '1',
      correlationid: 'corr-1',
      subject: 'c-1',
      type: 'contact.abandoned',
      data: { contactId: 'c-1' },
    };
    expect(validateIncomingEvent(input)).toEqual({ ok: true, event: input });
  });

  it('rejects a tenantid sent by the client, saying the API key decides it', () => {
    const errors = errorsOf({ ...envelope, tenantid: 'other-tenant', type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(errors).toEqual([{ path: 'tenantid', message: expect.stringContaining('API key') }]);
  });

  it('names an unknown type at path type', () => {
    const errors = errorsOf({ ...envelope, type: 'contact.teleported', data: {} });
    expect(errors).toEqual([{ path: 'type', message: "Unknown event type 'contact.teleported'" }]);
  });

  it.each([['sla.breached'], ['case.assigned'], ['alert.raised'], ['access.denied']])(
    'refuses %s from an integrator: only platform types may be posted',
    (type) => {
      const errors = errorsOf({ ...envelope, type, data: {} });
      expect(errors).toEqual([{ path: 'type', message: expect.stringContaining('cannot be posted') }]);
      expect(errors[0].message).toContain('contact.queued');
    },
  );

  it("names every service as audit.recorded's publisher when an integrator posts it", () => {
    const [error] = errorsOf({ ...envelope, type: 'audit.recorded', data: {} });
    expect(error.message).toContain("published by Hotline's services and cannot be posted");
  });

  it('requires the envelope attributes', () => {
    const errors = errorsOf({ type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(errors.map((error) => error.path).sort()).toEqual(['id', 'source', 'time']);
    expect(errors.every((error) => error.message.startsWith('Required'))).toBe(true);
  });

  it('reports a missing data', () => {
    expect(errorsOf({ ...envelope, type: 'contact.abandoned' })).toEqual([{ path: 'data', message: 'Required' }]);
  });

  it('rejects a non-object event at the root path', () => {
    expect(errorsOf('contact.queued')).toEqual([{ path: '', message: expect.stringContaining('expected object') }]);
    expect(errorsOf(null)).toHaveLength(1);
  });

  it.each([
    ['2025-01-31T09:30:00', 'no offset'],
    ['2025-01-31 09:30:00+08:00', 'a space for T'],
    ['2025-01-31T09:30+08:00', 'no seconds'],
    ['yesterday', 'not a date'],
  ])('rejects time %s (%s)', (time) => {
    const errors = errorsOf({ ...envelope, time, type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(errors).toEqual([{ path: 'time', message: expect.stringContaining('offset') }]);
  });

  it('accepts times in UTC and with fractions', () => {
    for (const time of ['2025-01-31T01:30:00Z', '2025-01-31T09:30:00.123+08:00']) {
      expect(validateIncomingEvent({ ...envelope, time, type: 'contact.abandoned', data: { contactId: 'c-1' } }).ok).toBe(true);
    }
  });

  it('rejects an unsupported specversion, datacontenttype or dataversion', () => {
    const errors = errorsOf({
      ...envelope,
      specversion: '0.3',
      datacontenttype: 'text/xml',
      dataversion: '2',
      type: 'contact.abandoned',
      data: { contactId: 'c-1' },
    });
    expect(errors.map((error) => error.path).sort()).toEqual(['datacontenttype', 'dataversion', 'specversion']);
    expect(errors.find((error) => error.path === 'dataversion')?.message).toContain("supported version is '1'");
  });

  it('rejects a source that is not a URI-reference', () => {
    const errors = errorsOf({ ...envelope, source: 'genesys cloud', type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(errors).toEqual([{ path: 'source', message: expect.stringContaining('URI-reference') }]);
  });

  it('rejects an id longer than 200 characters', () => {
    const errors = errorsOf({ ...envelope, id: 'x'.repeat(201), type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(errors.map((error) => error.path)).toEqual(['id']);
  });

  it('passes other lowercase extension attributes through', () => {
    const abandoned = { ...envelope, type: 'contact.abandoned', data: { contactId: 'c-1' } };
    const result = validateIncomingEvent({ ...abandoned, partition: 7, traceparent: '00-abc' });
    expect(result.ok && result.event).toMatchObject({ partition: 7, traceparent: '00-abc' });
  });

  it('rejects extension attributes CloudEvents does not allow', () => {
    const abandoned = { ...envelope, type: 'contact.abandoned', data: { contactId: 'c-1' } };
    const errors = errorsOf({ ...abandoned, tenantId: 't', 'x-trace': 'a', nested: { a: 1 } });
    expect(errors.map((error) => error.path).sort()).toEqual(['nested', 'tenantId', 'x-trace']);
    expect(errors.find((error) => error.path === 'tenantId')?.message).toContain('lowercase');
  });

  it('reports envelope and data problems together', () => {
    const errors = errorsOf({ ...envelope, time: 'now', type: 'contact.queued', data: { contactId: 'c-1', channel: 'fax', queue: 'q' } });
    expect(errors.map((error) => error.path).sort()).toEqual(['data.channel', 'data.direction', 'time']);
  });

  it('reports wrong values in data with their path', () => {
    const errors = errorsOf({
      ...envelope,
      type: 'transcript.recorded',
      data: {
        contactId: 'c-1',
        language: 'fr',
        segments: [
          { role: 'agent', text: 'hi', beginOffsetMs: 0, endOffsetMs: 5 },
          { role: 'bot', text: 'x', beginOffsetMs: -1, endOffsetMs: 0 },
        ],
      },
    });
    expect(errors.map((error) => error.path).sort()).toEqual(['data.language', 'data.segments.1.beginOffsetMs', 'data.segments.1.role']);
  });

  it('rejects a transcript segment that ends before it begins', () => {
    const errors = errorsOf({
      ...envelope,
      type: 'transcript.recorded',
      data: { contactId: 'c-1', language: 'en', segments: [{ role: 'customer', text: 'hello', beginOffsetMs: 900, endOffsetMs: 100 }] },
    });
    expect(errors).toEqual([{ path: 'data.segments.0.endOffsetMs', message: expect.stringContaining('before') }]);
  });

  describe('transcript.segmented', () => {
    const segmented = (segment: Record<string, unknown>) => ({
      ...envelope,
      type: 'transcript.segmented',
      data: { contactId: 'c-1', language: 'en', segments: [{ segmentId: 't-1', role: 'agent', text: 'Hello', ...segment }] },
    });

    it('places a segment by its offsets (a call) or its time (a chat)', () => {
      expect(validateIncomingEvent(segmented({ beginOffsetMs: 0, endOffsetMs: 900 })).ok).toBe(true);
      expect(validateIncomingEvent(segmented({ at: '2026-11-25T01:30:19.000Z', platformRedactedCharacters: [{ beginOffsetChar: 0, endOffsetChar: 5 }] })).ok).toBe(true);
    });

    it.each([
      [{}, 'data.segments.0.beginOffsetMs', 'required'],
      [{ beginOffsetMs: 10 }, 'data.segments.0.endOffsetMs', 'together'],
      [{ beginOffsetMs: 900, endOffsetMs: 100 }, 'data.segments.0.endOffsetMs', 'before'],
    ])('refuses a segment placed by %j', (segment, path, message) => {
      expect(errorsOf(segmented(segment))).toEqual([{ path, message: expect.stringContaining(message) }]);
    });
  });

  describe('contact.transferred', () => {
    it.each([[{ toQueue: 'faults' }], [{ toAgentId: 'a-8' }], [{ toEndpoint: '+12065550100' }]])('accepts %j', (target) => {
      expect(validateIncomingEvent({ ...envelope, type: 'contact.transferred', data: { contactId: 'c-1', ...target } }).ok).toBe(true);
    });

    it('requires toQueue, toAgentId or toEndpoint', () => {
      const errors = errorsOf({ ...envelope, type: 'contact.transferred', data: { contactId: 'c-1' } });
      expect(errors).toEqual([{ path: 'data', message: 'toQueue, toAgentId or toEndpoint is required' }]);
    });

    it('reports the missing target together with other data problems', () => {
      const errors = errorsOf({ ...envelope, type: 'contact.transferred', data: {} });
      expect(errors.map((error) => error.path).sort()).toEqual(['data', 'data.contactId']);
    });
  });

  describe('survey.completed', () => {
    it.each([[{ contactId: 'c-1' }], [{ caseId: 'k-1' }]])('accepts %j', (subject) => {
      expect(validateIncomingEvent({ ...envelope, type: 'survey.completed', data: { score: 3, ...subject } }).ok).toBe(true);
    });

    it('requires contactId or caseId', () => {
      const errors = errorsOf({ ...envelope, type: 'survey.completed', data: { score: 4 } });
      expect(errors).toEqual([{ path: 'data', message: 'contactId or caseId is required' }]);
    });

    it.each([[0], [6], [4.5]])('rejects score %p', (score) => {
      const errors = errorsOf({ ...envelope, type: 'survey.completed', data: { score, caseId: 'k-1' } });
      expect(errors.map((error) => error.path)).toEqual(['data.score']);
    });
  });
});

describe('validateCloudEvent', () => {
  const complete = {
    specversion: '1.0',
    datacontenttype: 'application/json',
    dataversion: '1',
    tenantid: 'acme',
    ...envelope,
  };

  it('accepts a complete event of a service-published type and types its data', () => {
    const input = {
      ...complete,
      causationid: 'evt-0000',
      type: 'sla.breached',
      data: {
        subjectType: 'contact',
        subjectId: 'c-1',
        slaKind: 'answer',
        startedAt: '2025-01-31T09:30:00+08:00',
        deadline: '2025-01-31T09:30:30+08:00',
        breachedAt: '2025-01-31T09:30:30.5+08:00',
        standardId: 'answer-time',
        standardVersion: '1',
      },
    };
    const result = validateCloudEvent(input);
    expect(result).toEqual({ ok: true, event: input });
    if (result.ok && result.event.type === 'sla.breached') {
      const deadline: string = result.event.data.deadline;
      expect(deadline).toBe('2025-01-31T09:30:30+08:00');
    }
  });

  it('accepts platform types too', () => {
    expect(validateCloudEvent({ ...complete, type: 'contact.abandoned', data: { contactId: 'c-1' } }).ok).toBe(true);
  });

  it('requires tenantid and the attributes incoming events default', () => {
    const result = validateCloudEvent({ ...envelope, type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(result.ok ? [] : result.errors.map((error) => error.path).sort()).toEqual([
      'datacontenttype',
      'dataversion',
      'specversion',
      'tenantid',
    ]);
  });

  it('checks data against the type, with paths', () => {
    const result = validateCloudEvent({ ...complete, type: 'case.escalated', data: { caseId: 'k-1', level: 0, reason: 'late' } });
    expect(result.ok ? [] : result.errors.map((error) => error.path).sort()).toEqual([
      'data.level',
      'data.standardId',
      'data.standardVersion',
    ]);
  });

  it('names an unknown type', () => {
    const result = validateCloudEvent({ ...complete, type: 'case.teleported', data: {} });
    expect(result).toEqual({ ok: false, errors: [{ path: 'type', message: "Unknown event type 'case.teleported'" }] });
  });

  it('rejects a data version the catalogue does not know', () => {
    const result = validateCloudEvent({ ...complete, dataversion: '9', type: 'contact.abandoned', data: { contactId: 'c-1' } });
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'dataversion', message: expect.stringContaining("'9'") }]);
  });
});
